// Small file helpers for key material shared by concurrent processes: create once (first writer wins),
// replace atomically, never leave a half-written file.
import { randomBytes } from "node:crypto";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function tempName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/** Writes `content` only if `path` does not exist yet; returns what is in the file afterwards. */
export async function createExclusive(path: string, content: string, mode = 0o600): Promise<string> {
  const temp = tempName(path);
  await writeFile(temp, content, { mode });
  try {
    await link(temp, path); // atomic "create if absent", unlike a rename
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temp);
  }
  return readFile(path, "utf8");
}

export async function replaceAtomically(path: string, content: string, mode = 0o644): Promise<void> {
  const temp = tempName(path);
  await writeFile(temp, content, { mode });
  await rename(temp, path);
}
