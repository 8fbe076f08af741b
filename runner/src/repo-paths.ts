// Where things live: the repository root (holding labs/ and content/) and the learner's state folder .azlab/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AzlabError } from "./errors.js";

export interface RepoPaths {
  root: string;
  labsDir: string;
  contentDir: string;
  /** The learner's progress, drafts, backups; git-ignored. */
  azlabDir: string;
}

function isAzlabRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; workspaces?: unknown };
    return pkg.name === "azlab" && Array.isArray(pkg.workspaces);
  } catch {
    return false;
  }
}

/** Walks up from `start` (default: the working directory, then this file's folder) to the azlab repository. */
export function findRepoRoot(start = process.cwd()): string {
  if (process.env.AZLAB_ROOT) return resolve(process.env.AZLAB_ROOT);
  for (const from of [start, dirname(fileURLToPath(import.meta.url))]) {
    let dir = resolve(from);
    for (;;) {
      if (isAzlabRoot(dir)) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new AzlabError(
    `No azlab repository found from ${start}`,
    "Run azlab inside the azlab folder (the one with labs/ and package.json), or set AZLAB_ROOT to it.",
  );
}

export function repoPaths(root = findRepoRoot(), overrides: Partial<RepoPaths> = {}): RepoPaths {
  return {
    root,
    labsDir: overrides.labsDir ?? join(root, "labs"),
    contentDir: overrides.contentDir ?? join(root, "content"),
    azlabDir: overrides.azlabDir ?? process.env.AZLAB_HOME ?? join(root, ".azlab"),
  };
}
