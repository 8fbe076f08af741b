// Every lab, graded through the real grader as a learner's code is: the reference solution scores 1 and the
// published starter fails (status "fail", not "error": the starter compiles and loads, its tests just fail).
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../runner/src/catalog/index.js";
import { EmulatorPool } from "../runner/src/emulators/emulator-pool.js";
import { grade, type Report } from "../runner/src/grader/index.js";
import { repoPaths } from "../runner/src/repo-paths.js";
import { publishedStarter } from "../runner/src/workbench/index.js";
import { REPO_ROOT } from "./helpers/temp-repo.js";

const paths = repoPaths(REPO_ROOT);
const catalog = await loadCatalog(paths.labsDir, paths.root);
const pool = new EmulatorPool();
afterAll(() => pool.stopAll());

const explain = (report: Report) =>
  JSON.stringify({ status: report.status, message: report.message, failing: report.tests.filter((t) => t.status !== "pass"), diagnostics: report.diagnostics }, null, 2);

describe.each(catalog.labs.map((lab) => [lab.id, lab] as const))("lab %s", (_id, lab) => {
  let solutionReport: Report | undefined;

  it("the reference solution passes every test, with no type errors", async () => {
    const report = (solutionReport = await grade({ lab, solution: true, emulators: pool }));
    expect(report.status, explain(report)).toBe("pass");
    expect(report.score).toBe(1);
    expect(report.diagnostics, explain(report)).toEqual([]);
  });

  it("the starter compiles, loads and fails its tests", async () => {
    const report = await grade({ lab, source: await publishedStarter(paths.root, lab), emulators: pool });
    expect(report.status, explain(report)).toBe("fail");
    expect(report.score).toBeLessThan(1);
    expect(report.tests.length).toBeGreaterThan(0);
    expect(report.diagnostics.filter((d) => d.severity === "error"), explain(report)).toEqual([]);
  });

  it("the starter has TODOs and every test belongs to a numbered task", async () => {
    expect(await publishedStarter(paths.root, lab)).toContain("TODO");
    const report = solutionReport ?? (await grade({ lab, solution: true, emulators: pool, typeCheck: false }));
    expect(report.tests.every((t) => t.taskId !== null), explain(report)).toBe(true);
  });
});
