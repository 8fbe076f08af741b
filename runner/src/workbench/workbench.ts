// The learner-facing operations on labs, shared by the CLI and the HTTP server so both behave the same:
// grade and record, hints, reset with backup, write a draft to disk, drafts.
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalog, requireLab, type Catalog, type Lab } from "../catalog/index.js";
import { EmulatorPool } from "../emulators/emulator-pool.js";
import { AzlabError } from "../errors.js";
import { InProcessGradeQueue, type GradeQueue } from "../grader/grade-queue.js";
import type { GradeOptions } from "../grader/grade-lab.js";
import { readLearnerFile } from "../grader/read-learner-file.js";
import type { Report } from "../grader/report-schema.js";
import { repoPaths, type RepoPaths } from "../repo-paths.js";
import { publishedStarter } from "./published-starter.js";
import { Backups } from "../store/backups.js";
import { ProgressStore } from "../store/progress-store.js";

export interface LearnerFile {
  source: string;
  mtimeMs: number;
}

export const MAX_SOURCE_BYTES = 512 * 1024;

export class Workbench {
  readonly store: ProgressStore;
  readonly backups: Backups;
  readonly emulators = new EmulatorPool();

  private constructor(
    readonly paths: RepoPaths,
    readonly catalog: Catalog,
    readonly queue: GradeQueue,
  ) {
    this.store = new ProgressStore(paths.azlabDir);
    this.backups = new Backups(paths.azlabDir);
  }

  static async open(paths: RepoPaths = repoPaths(), queue?: GradeQueue): Promise<Workbench> {
    const catalog = await loadCatalog(paths.labsDir, paths.root, { skipInvalid: true });
    if (catalog.problems.length > 0) {
      process.emitWarning(`azlab: ${catalog.problems.length} lab problem(s), those labs are left out:\n  ${catalog.problems.join("\n  ")}\nRun \`azlab check\` for details.`);
    }
    return new Workbench(paths, catalog, queue ?? new InProcessGradeQueue());
  }

  lab(id: string): Lab {
    return requireLab(this.catalog, id);
  }

  exercisePath(lab: Lab): string {
    return join(lab.dir, "exercise.ts");
  }

  /** The starter as published (the committed exercise.ts), even after the learner edited the file. */
  async starter(lab: Lab): Promise<string> {
    return publishedStarter(this.paths.root, lab);
  }

  async learnerFile(lab: Lab): Promise<LearnerFile | null> {
    try {
      const [source, info] = await Promise.all([readLearnerFile(this.exercisePath(lab)), stat(this.exercisePath(lab))]);
      return { source, mtimeMs: info.mtimeMs };
    } catch (error) {
      if (error instanceof AzlabError && error.statusCode === 404) return null;
      throw error;
    }
  }

  async grade(lab: Lab, options: Omit<GradeOptions, "lab" | "emulators"> = {}, onPosition?: (position: number) => void): Promise<Report> {
    if (options.source !== undefined) checkSourceSize(options.source);
    const report = await this.queue.submit({ ...options, lab, emulators: this.emulators }, onPosition);
    // The reference solution's runs are not the learner's attempts.
    if (!options.solution) await this.store.recordAttempt(lab.id, report);
    return report;
  }

  /** Reveals the next hint, remembering how many were shown. */
  async nextHint(lab: Lab): Promise<{ hint: string | null; index: number; total: number; revealed: string[] }> {
    return this.store.updateLab(lab.id, (progress) => {
      const total = lab.hints.length;
      if (progress.hintsRevealed >= total) {
        return { hint: null, index: total, total, revealed: lab.hints.slice(0, total) };
      }
      const index = progress.hintsRevealed;
      progress.hintsRevealed = index + 1;
      return { hint: lab.hints[index]!, index: index + 1, total, revealed: lab.hints.slice(0, index + 1) };
    });
  }

  async solution(lab: Lab): Promise<string> {
    const source = await readFile(join(lab.dir, "solution/exercise.ts"), "utf8");
    await this.store.updateLab(lab.id, (progress) => {
      progress.solutionRevealedAt ??= new Date().toISOString();
    });
    return source;
  }

  /**
   * Writes `source` to the learner's exercise.ts, keeping a backup of what was there. When `expectedMtimeMs` is
   * given and the file changed since, nothing is written.
   */
  async writeExercise(lab: Lab, source: string, expectedMtimeMs?: number | null): Promise<{ file: LearnerFile; backup: string | null }> {
    checkSourceSize(source);
    const current = await this.learnerFile(lab);
    if (expectedMtimeMs !== undefined && current && expectedMtimeMs !== null && Math.abs(current.mtimeMs - expectedMtimeMs) > 1) {
      throw Object.assign(
        new AzlabError(`${lab.id}/exercise.ts changed on disk since you opened it`, "Compare both versions, then write again to replace the file (a backup is kept).", 409),
        { file: current },
      );
    }
    const backup = current && current.source !== source ? await this.backups.save(lab.id, current.source) : null;
    await writeFile(this.exercisePath(lab), source, "utf8");
    const info = await stat(this.exercisePath(lab));
    await this.store.updateLab(lab.id, (progress) => {
      if (progress.draft) progress.draft = { ...progress.draft, source, fileMtimeMs: info.mtimeMs };
    });
    return { file: { source, mtimeMs: info.mtimeMs }, backup };
  }

  /**
   * Restores the starter to exercise.ts and to the browser draft. The learner's file and draft are backed up
   * first (each only when it differs from the starter), and the backups' paths returned.
   */
  async reset(lab: Lab): Promise<{ starter: string; backups: string[] }> {
    const starter = await this.starter(lab);
    const backups: string[] = [];
    const current = await this.learnerFile(lab);
    if (current && current.source !== starter) backups.push(await this.backups.save(lab.id, current.source));
    const draft = (await this.store.lab(lab.id)).draft;
    if (draft && draft.source !== starter && draft.source !== current?.source) backups.push(await this.backups.save(lab.id, draft.source));
    await writeFile(this.exercisePath(lab), starter, "utf8");
    await this.store.updateLab(lab.id, (progress) => {
      progress.draft = null;
    });
    return { starter, backups };
  }

  async saveDraft(lab: Lab, source: string, fileMtimeMs: number | null = null): Promise<{ savedAt: string }> {
    checkSourceSize(source);
    const savedAt = new Date().toISOString();
    await this.store.updateLab(lab.id, (progress) => {
      progress.draft = { source, savedAt, fileMtimeMs };
    });
    return { savedAt };
  }

  async close(): Promise<void> {
    await this.emulators.stopAll();
  }
}

function checkSourceSize(source: string): void {
  if (Buffer.byteLength(source, "utf8") > MAX_SOURCE_BYTES) {
    throw new AzlabError(`The code is larger than ${MAX_SOURCE_BYTES / 1024} KiB`, "An exercise is a single file of a few hundred lines: remove what it does not need.", 413);
  }
}
