// The shapes the runner's HTTP API sends and receives (contract: runner/src/server, see DESIGN.md "Server").
// Report and lab metadata come from the runner's zod schemas (types only, erased from the bundle), so the
// site never restates them.
import type { Report, TestResult, Diagnostic } from "../../../runner/src/grader/report-schema.js";
import type { LabMeta, SkillId, ServiceId } from "../../../runner/src/catalog/lab-schema.js";

export type { Report, TestResult, Diagnostic, LabMeta, SkillId, ServiceId };

export interface SkillArea {
  id: SkillId;
  title: string;
  weight: string;
}

export type ProgressState = "not-started" | "in-progress" | "passed";

export interface LabProgressSummary {
  state: ProgressState;
  bestScore: number | null;
  attempts: number;
}

export interface LabSummary {
  id: string;
  title: string;
  summary: string;
  skill: SkillId;
  services: ServiceId[];
  difficulty: LabMeta["difficulty"];
  minutes: number;
  tags: string[];
  hintsTotal: number;
  progress: LabProgressSummary;
}

export interface LabList {
  skills: SkillArea[];
  labs: LabSummary[];
}

export interface DiskFile {
  source: string;
  mtimeMs: number;
}

export interface Draft {
  source: string;
  savedAt: string;
  fileMtimeMs: number | null;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
}

export interface LabDetail {
  lab: Omit<LabMeta, "hints"> & { hintsTotal: number };
  readme: string;
  starter: string;
  file: DiskFile | null;
  draft: Draft | null;
  hintsRevealed: string[];
  progress: LabProgressSummary;
  lastReport: Report | null;
  backups: BackupInfo[];
  solution?: string;
}

export interface DraftSaved {
  savedAt: string;
}

export interface WriteResult {
  file: DiskFile;
  backup: string | null;
}

export interface HintReveal {
  hint: string | null;
  index: number;
  total: number;
  revealed: string[];
}

export interface ResetResult {
  starter: string;
  /** Paths of the backups this reset made (the list with dates comes from getLab). */
  backups: string[];
}

export interface Backup {
  name: string;
  source: string;
}

/** The progress store as a whole; the site only passes it through (export/import), so it stays opaque here. */
export type ProgressStore = Record<string, unknown>;

export interface CheatSheet {
  markdown: string;
}

export interface SdkTypes {
  files: { path: string; content: string }[];
  compilerOptions: Record<string, unknown>;
}

/** Every error the API sends: what went wrong, and what to do next. */
export interface ApiErrorBody {
  error: string;
  hint?: string;
  file?: DiskFile;
}
