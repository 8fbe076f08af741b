// A throwaway azlab repository for tests that write files (reset, write, progress): a git checkout holding the
// chosen labs, with node_modules linked to the real one. Never touches the developer's labs or .azlab/.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURE_LABS = join(REPO_ROOT, "test/fixtures/labs");

export interface TempRepo {
  root: string;
  labsDir: string;
  azlabDir: string;
  remove(): Promise<void>;
}

/** `labs` maps lab ids to their source folders (fixtures or real labs). */
export async function makeTempRepo(labs: Record<string, string>): Promise<TempRepo> {
  const root = await mkdtemp(join(tmpdir(), "azlab-repo-"));
  await writeFile(join(root, "package.json"), JSON.stringify({ name: "azlab", private: true, workspaces: ["labs/*"] }));
  for (const [id, from] of Object.entries(labs)) await cp(from, join(root, "labs", id), { recursive: true });
  await symlink(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "-q");
  git("add", "labs", "package.json");
  git("-c", "user.email=test@azlab.local", "-c", "user.name=test", "commit", "-qm", "labs");
  return { root, labsDir: join(root, "labs"), azlabDir: join(root, ".azlab"), remove: () => rm(root, { recursive: true, force: true }) };
}
