// Copies of a learner's code taken before azlab replaces it (reset, write from the browser):
// .azlab/backups/<lab>/<timestamp>.ts. Nothing a learner wrote is replaced without a copy.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AzlabError } from "../errors.js";

export interface BackupEntry {
  name: string;
  createdAt: string;
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, "-");
const NAME = /^[0-9TZ-]+(-\d+)?\.ts$/;
/** Sort key: the timestamp, then the same-millisecond counter padded so that -10 follows -9. */
const order = (name: string) => {
  const match = /^(.*Z)(?:-(\d+))?\.ts$/.exec(name);
  return match ? `${match[1]}#${(match[2] ?? "0").padStart(6, "0")}` : name;
};

export class Backups {
  constructor(private readonly dir: string) {}

  private labDir(labId: string) {
    return join(this.dir, "backups", labId);
  }

  /** Saves `source` and returns the backup's path. */
  async save(labId: string, source: string, date = new Date()): Promise<string> {
    const dir = this.labDir(labId);
    await mkdir(dir, { recursive: true });
    for (let n = 0; ; n++) {
      const path = join(dir, `${stamp(date)}${n ? `-${n}` : ""}.ts`);
      try {
        await writeFile(path, source, { encoding: "utf8", flag: "wx" });
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
  }

  async list(labId: string): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.labDir(labId));
    } catch {
      return [];
    }
    return names
      .filter((name) => NAME.test(name))
      .sort((a, b) => order(b).localeCompare(order(a)))
      .map((name) => {
        const iso = name.replace(/(-\d+)?\.ts$/, "").replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, "$1T$2:$3:$4.$5Z");
        return { name, createdAt: iso };
      });
  }

  async read(labId: string, name: string): Promise<string> {
    if (!NAME.test(name)) throw new AzlabError(`No backup named "${name}"`, "List backups with GET /api/labs/<id>.", 404);
    try {
      return await readFile(join(this.labDir(labId), name), "utf8");
    } catch {
      throw new AzlabError(`No backup named "${name}" for ${labId}`, "List backups with GET /api/labs/<id>.", 404);
    }
  }
}
