// The learner's progress on disk (.azlab/progress.json): one schema, types inferred.
import { z } from "zod";
import { ReportSchema } from "../grader/report-schema.js";

export const DraftSchema = z.object({
  source: z.string(),
  savedAt: z.string(),
  /** mtime of labs/<id>/exercise.ts when the draft was based on it: a later mtime means the file changed since. */
  fileMtimeMs: z.number().nullable(),
});

export const LabProgressSchema = z.object({
  attempts: z.number().int().min(0).default(0),
  bestScore: z.number().min(0).max(1).nullable().default(null),
  passedAt: z.string().nullable().default(null),
  lastAttemptAt: z.string().nullable().default(null),
  lastReport: ReportSchema.nullable().default(null),
  hintsRevealed: z.number().int().min(0).default(0),
  solutionRevealedAt: z.string().nullable().default(null),
  draft: DraftSchema.nullable().default(null),
});

export const ProgressSchema = z.object({
  version: z.literal(1).default(1),
  labs: z.record(z.string(), LabProgressSchema).default({}),
});

export type Draft = z.infer<typeof DraftSchema>;
export type LabProgress = z.infer<typeof LabProgressSchema>;
export type Progress = z.infer<typeof ProgressSchema>;

export const emptyLabProgress = (): LabProgress => LabProgressSchema.parse({});
