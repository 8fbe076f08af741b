// The learner's progress per lab (.azlab/progress.json): attempts, best score, hints, drafts.
import { join } from "node:path";
import { AzlabError } from "../errors.js";
import type { Report } from "../grader/report-schema.js";
import { JsonStore } from "./json-store.js";
import { emptyLabProgress, ProgressSchema, type LabProgress, type Progress } from "./progress-schema.js";

export class ProgressStore {
  readonly file: string;
  private readonly json: JsonStore<typeof ProgressSchema>;

  constructor(readonly dir: string) {
    this.file = join(dir, "progress.json");
    this.json = new JsonStore(this.file, ProgressSchema);
  }

  get recoveredFrom(): string | undefined {
    return this.json.recoveredFrom;
  }

  read(): Promise<Progress> {
    return this.json.read();
  }

  update<T>(change: (progress: Progress) => T | Promise<T>): Promise<T> {
    return this.json.update(change);
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
    return this.update((progress) => change((progress.labs[id] ??= emptyLabProgress())));
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
