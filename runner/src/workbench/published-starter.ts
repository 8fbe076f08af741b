// The pristine starter of a lab. exercise.ts is both the published starter and the file the learner edits, so
// the published version comes from git (HEAD); outside a git checkout the file on disk is all there is.
import { execFile } from "node:child_process";
import { relative } from "node:path";
import { promisify } from "node:util";
import type { Lab } from "../catalog/index.js";
import { readLearnerFile } from "../grader/read-learner-file.js";

const run = promisify(execFile);

export async function publishedStarter(repoRoot: string, lab: Lab): Promise<string> {
  const path = relative(repoRoot, `${lab.dir}/exercise.ts`).split("\\").join("/");
  try {
    const { stdout } = await run("git", ["show", `HEAD:${path}`], { cwd: repoRoot, maxBuffer: 4 * 1024 * 1024 });
    return stdout;
  } catch {
    return readLearnerFile(`${lab.dir}/exercise.ts`);
  }
}
