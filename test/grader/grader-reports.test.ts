// Golden reports: the fixture lab graded with code that passes, fails, does not compile, does not load, and
// misbehaves. The report's meanings follow DESIGN.md (Exercism's test-runner interface).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Lab } from "../../runner/src/catalog/index.js";
import { EmulatorPool } from "../../runner/src/emulators/emulator-pool.js";
import { grade, ReportSchema } from "../../runner/src/grader/index.js";
import { FIXTURE_LABS } from "../helpers/temp-repo.js";

let arithmetic: Lab;
const pool = new EmulatorPool();

beforeAll(async () => {
  const catalog = await loadCatalog(FIXTURE_LABS);
  arithmetic = catalog.get("arithmetic")!;
});
afterAll(() => pool.stopAll());

const gradeArithmetic = (source?: string, extra: object = {}) => grade({ lab: arithmetic, source, emulators: pool, ...extra });

describe("grade() reports", () => {
  it("scores the reference solution 1, with every test in file order and task numbers", async () => {
    const report = await gradeArithmetic(undefined, { solution: true });
    expect(ReportSchema.parse(report)).toBeTruthy();
    expect(report).toMatchObject({ version: 1, lab: "arithmetic", status: "pass", score: 1, diagnostics: [] });
    expect(report.tests.map((t) => [t.name, t.taskId, t.status, t.hidden])).toEqual([
      ["1. Add > adds two numbers", 1, "pass", false],
      ["1. Add > adds negatives", 1, "pass", false],
      ["2. Multiply > multiplies", 2, "pass", false],
      ["2. Multiply > multiplies by zero", 2, "pass", true],
    ]);
    expect(report.tests[2]!.output).toBe("multiplying 4 by 5\n");
  });

  it("fails the starter with expected/received in each message", async () => {
    const report = await gradeArithmetic();
    expect(report.status).toBe("fail");
    expect(report.score).toBe(0);
    expect(report.tests[0]!.message).toMatch(/expected \+0 to be 5/);
  });

  it("gives partial credit and lists type errors even when tests pass", async () => {
    const source = `export function add(a: number, b: number): number { return a + b; }
export function multiply(a: number, b: number): number { const wrong: string = a * b; return a + b; }
`;
    const report = await gradeArithmetic(source);
    expect(report.status).toBe("fail");
    expect(report.score).toBe(0.5);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: "exercise.ts", line: 2, column: 64, code: 2322, message: expect.stringContaining("TS2322") }),
    ]);
  });

  it("reports a syntax error with the learner's line and column, without running anything", async () => {
    const report = await gradeArithmetic("export function add(a: number, b: number) {\n  return a +;\n}\n");
    expect(report).toMatchObject({ status: "error", score: 0, tests: [], location: { file: "exercise.ts", line: 2, column: 13 } });
    expect(report.message).toMatch(/exercise\.ts:2:13/);
  });

  it("reports an import error as error, naming the learner's file and no temp folder", async () => {
    const report = await gradeArithmetic("import { x } from './nope.js';\nexport const add = (a: number, b: number) => a + b + x;\nexport const multiply = (a: number, b: number) => a * b;\n");
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/Cannot find module '\.\/nope\.js'/);
    expect(report.message).not.toMatch(/azlab-grade-/);
  });

  it("reports an error thrown while loading the module with its line", async () => {
    const report = await gradeArithmetic("export const add = (a: number, b: number) => a + b;\nexport const multiply = (a: number, b: number) => a * b;\nthrow new Error('boom at load');\n");
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/boom at load/);
    expect(report.location).toMatchObject({ file: "exercise.ts", line: 3 });
  });

  it("never passes a run in which the code called process.exit(0)", async () => {
    const report = await gradeArithmetic("export function add(a: number, b: number) { process.exit(0); return a + b; }\nexport const multiply = (a: number, b: number) => a * b;\n");
    expect(report.status).not.toBe("pass");
    expect(report.score).toBeLessThan(1);
  });

  it("stops an endless loop with a timeout report within the limit + 5 s", async () => {
    const started = Date.now();
    const report = await gradeArithmetic("export function add(): number { for (;;) {} }\nexport const multiply = (a: number, b: number) => a * b;\n", { timeoutMs: 4000 });
    expect(report.status).toBe("timeout");
    expect(report.message).toMatch(/did not finish within 4 s/);
    expect(Date.now() - started).toBeLessThan(4000 + 5000);
  });

  it("stops code that allocates without bound outside the heap, with a clear message", async () => {
    const source = `const kept: Buffer[] = [];
export function add(a: number, b: number) { for (;;) kept.push(Buffer.alloc(64 * 1024 * 1024, 1)); return a + b; }
export const multiply = (a: number, b: number) => a * b;
`;
    const report = await gradeArithmetic(source, { maxRssMb: 600, timeoutMs: 20_000 });
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/memory/);
  });

  it("stops code that exhausts the JavaScript heap, with a clear message", async () => {
    const source = `const kept: number[][] = [];
export function add(a: number, b: number) { for (;;) kept.push(new Array(1_000_000).fill(a)); return a + b; }
export const multiply = (a: number, b: number) => a * b;
`;
    const report = await gradeArithmetic(source, { heapMb: 128, timeoutMs: 20_000 });
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/memory/);
  });
});
