// Reads and updates .azlab/progress.json. Updates are serialised within the process and written atomically;
// a file that cannot be parsed is kept aside (never overwritten) and reported.
import { rename } from "node:fs/promises";
import { join } from "node:path";
import { AzlabError } from "../errors.js";
import type { Report } from "../grader/report-schema.js";
import { readJsonFile, writeFileAtomic } from "./atomic-file.js";
import { emptyLabProgress, ProgressSchema, type LabProgress, type Progress } from "./progress-schema.js";

export class ProgressStore {
  readonly file: string;
  private chain: Promise<unknown> = Promise.resolve();
  /** Set when a damaged progress file was moved aside at load, so the UI can say where it went. */
  recoveredFrom: string | undefined;

  constructor(readonly dir: string) {
    this.file = join(dir, "progress.json");
  }

  async read(): Promise<Progress> {
    let raw: unknown;
    try {
      raw = await readJsonFile(this.file);
    } catch {
      return this.setAside("it is not valid JSON");
    }
    if (raw === undefined) return ProgressSchema.parse({});
    const parsed = ProgressSchema.safeParse(raw);
    if (!parsed.success) return this.setAside(parsed.error.issues[0]?.message ?? "unexpected content");
    return parsed.data;
  }

  private async setAside(reason: string): Promise<Progress> {
    const aside = `${this.file}.damaged-${Date.now()}`;
    await rename(this.file, aside);
    this.recoveredFrom = aside;
    process.emitWarning(`azlab: ${this.file} could not be read (${reason}); it was kept as ${aside} and progress starts afresh.`);
    return ProgressSchema.parse({});
  }

  /** Runs `change` on the current progress and saves the result; calls run one after another. */
  update<T>(change: (progress: Progress) => T | Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      const progress = await this.read();
      const result = await change(progress);
      try {
        await writeFileAtomic(this.file, JSON.stringify(progress, null, 2) + "\n");
      } catch (error) {
        throw new AzlabError(`Could not save progress to ${this.file}: ${(error as Error).message}`, "Check that the folder is writable and the disk is not full.", 500);
      }
      return result;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async replace(progress: unknown): Promise<Progress> {
    const parsed = ProgressSchema.safeParse(progress);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AzlabError(`Invalid progress: ${issue.path.join(".")}: ${issue.message}`, "Send the object GET /api/progress returns, edited.");
    }
    return this.update((current) => {
      current.labs = parsed.data.labs;
      return current;
    });
  }

  async lab(id: string): Promise<LabProgress> {
    return (await this.read()).labs[id] ?? emptyLabProgress();
  }

  updateLab<T>(id: string, change: (lab: LabProgress) => T): Promise<T> {
    return this.update((progress) => {
      const lab = (progress.labs[id] ??= emptyLabProgress());
      return change(lab);
    });
  }

  recordAttempt(id: string, report: Report): Promise<LabProgress> {
    return this.updateLab(id, (lab) => {
      lab.attempts += 1;
      lab.lastAttemptAt = report.startedAt;
      lab.lastReport = report;
      lab.bestScore = Math.max(lab.bestScore ?? 0, report.score);
      if (report.status === "pass" && !lab.passedAt) lab.passedAt = report.startedAt;
      return lab;
    });
  }
}

export type LabState = "not-started" | "in-progress" | "passed";

export function labState(lab: LabProgress | undefined): LabState {
  if (!lab) return "not-started";
  if (lab.passedAt) return "passed";
  return lab.attempts > 0 || lab.draft || lab.hintsRevealed > 0 ? "in-progress" : "not-started";
}
