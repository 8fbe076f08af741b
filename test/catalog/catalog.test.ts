import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogError, closestId, loadCatalog, requireLab } from "../../runner/src/catalog/index.js";
import { FIXTURE_LABS, REPO_ROOT } from "../helpers/temp-repo.js";

const BROKEN = join(REPO_ROOT, "test/fixtures/broken-labs");

describe("lab catalog", () => {
  it("reports every problem of every lab in one error, each naming the file and the field", async () => {
    const error = await loadCatalog(BROKEN, join(BROKEN, "..")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    const problems = (error as CatalogError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        "broken-labs/bad-fields/lab.json: skill: expected one of \"compute\"|\"storage\"|\"security\"|\"monitor\"|\"connect\"",
        "broken-labs/bad-fields/lab.json: services[1]: expected one of \"blob\"|\"queue\"|\"table\"|\"servicebus\"|\"identity\"|\"keyvault\"",
        "broken-labs/bad-fields/lab.json: hints[2]: expected string, received number",
        "broken-labs/bad-fields/lab.json: (root): unknown field colour",
        "broken-labs/wrong-id/lab.json: id: \"another-id\" must equal the folder name \"wrong-id\"",
        "broken-labs/no-files/README.md: missing",
        "broken-labs/no-files/exercise.ts: missing",
        "broken-labs/no-files/solution/exercise.ts: missing",
        "broken-labs/no-files/*.test.ts: no test file (add exercise.test.ts)",
      ]),
    );
    expect(problems).toContain("broken-labs/bad-fields/lab.json: minutes: expected number to be >0");
    expect(problems).toContain("broken-labs/bad-fields/lab.json: docs[0].url: expected an https:// URL");
    expect(problems).toContain("broken-labs/bad-fields/lab.json: difficulty: expected one of \"beginner\"|\"intermediate\"|\"advanced\"");
    expect(problems).toContain("broken-labs/bad-fields/lab.json: objectives: expected array to have >=1 items");
    expect(problems).toHaveLength(14);
    expect(problems.some((p) => p.startsWith("broken-labs/bad-json/lab.json: not valid JSON"))).toBe(true);
    expect((error as CatalogError).message).toContain("problems:");
  });

  it("with skipInvalid, leaves broken labs out and returns their problems (the server keeps running)", async () => {
    const catalog = await loadCatalog(BROKEN, join(BROKEN, ".."), { skipInvalid: true });
    expect(catalog.labs).toEqual([]);
    // All but "exercise.ts: missing": a learner's deleted file does not make the lab invalid (reset restores it).
    expect(catalog.problems).toHaveLength(13);
    expect(catalog.problems).not.toContain("broken-labs/no-files/exercise.ts: missing");
  });

  it("loads valid labs with their visible and hidden test files", async () => {
    const catalog = await loadCatalog(FIXTURE_LABS);
    const lab = catalog.get("arithmetic")!;
    expect(lab.testFiles).toEqual(["exercise.test.ts"]);
    expect(lab.hiddenTestFiles).toEqual(["hidden.test.ts"]);
    expect(lab.tags).toEqual([]);
  });

  it("says which folder is missing when there is no labs/ folder", async () => {
    await expect(loadCatalog(join(REPO_ROOT, "no-such-labs"))).rejects.toThrow(/No labs folder at .*no-such-labs/);
  });

  it("suggests the closest lab id for a typo", async () => {
    const catalog = await loadCatalog(FIXTURE_LABS);
    expect(() => requireLab(catalog, "arithmetc")).toThrow(expect.objectContaining({ hint: expect.stringContaining('Did you mean "arithmetic"?') }));
    expect(closestId("blob-storag", ["blob-storage", "storage-queues"])).toBe("blob-storage");
    expect(closestId("zzzzzzzzzzzz", ["blob-storage"])).toBeUndefined();
  });
});
