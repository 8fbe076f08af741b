// Types of the HTTP API's bodies, shared with the site (import type only). See /tmp-free contract in DESIGN.md.
import type { LabMeta, SkillId } from "../catalog/index.js";
import type { Report } from "../grader/report-schema.js";
import type { BackupEntry, Draft, LabState } from "../store/index.js";

export type { Report, TestResult, Diagnostic } from "../grader/report-schema.js";
export type { LabMeta, SkillId } from "../catalog/index.js";

export interface ApiError {
  error: string;
  hint?: string;
}

export interface LabProgressSummary {
  state: LabState;
  bestScore: number | null;
  attempts: number;
}

export interface SkillAreaInfo {
  id: SkillId;
  title: string;
  weight: string;
}

export type LabSummary = Pick<LabMeta, "id" | "title" | "summary" | "skill" | "services" | "difficulty" | "minutes" | "tags"> & {
  hintsTotal: number;
  progress: LabProgressSummary;
};

export interface LabListResponse {
  skills: SkillAreaInfo[];
  labs: LabSummary[];
}

export interface LabDetailResponse {
  lab: Omit<LabMeta, "hints"> & { hintsTotal: number };
  readme: string;
  starter: string;
  file: { source: string; mtimeMs: number } | null;
  draft: Draft | null;
  hintsRevealed: string[];
  progress: LabProgressSummary;
  lastReport: Report | null;
  backups: BackupEntry[];
  solution?: string;
}

export interface HintResponse {
  hint: string | null;
  index: number;
  total: number;
  revealed: string[];
}

export interface WriteResponse {
  file: { source: string; mtimeMs: number };
  backup: string | null;
}

export interface ResetResponse {
  starter: string;
  backups: string[];
}
