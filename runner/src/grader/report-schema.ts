// The grading report: version 1 of the contract in DESIGN.md ("Grader and report"). One schema, types inferred.
import { z } from "zod";

export const REPORT_VERSION = 1 as const;

export const TestResultSchema = z.object({
  /** "describe > test", in file order. */
  name: z.string(),
  /** Task number parsed from the top-level describe ("1. Create the container"), null when absent. */
  taskId: z.number().int().nullable(),
  status: z.enum(["pass", "fail", "skip"]),
  message: z.string().optional(),
  /** What the learner's code printed during this test, capped. */
  output: z.string().optional(),
  durationMs: z.number(),
  hidden: z.boolean(),
});

export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  /** TypeScript error code (2339) when the diagnostic comes from the type checker. */
  code: z.number().int().optional(),
  severity: z.enum(["error", "warning"]).default("error"),
});

export const ReportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  lab: z.string(),
  status: z.enum(["pass", "fail", "error", "timeout"]),
  /** For error/timeout: what happened in words, and where when known. */
  message: z.string().optional(),
  /** Location of a compile or load error in the learner's file. */
  location: z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }).optional(),
  score: z.number().min(0).max(1),
  tests: z.array(TestResultSchema),
  diagnostics: z.array(DiagnosticSchema),
  /** First 64 KiB of the run's stdout/stderr. */
  output: z.string(),
  durationMs: z.number(),
  startedAt: z.string(),
});

export type TestResult = z.infer<typeof TestResultSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ReportStatus = Report["status"];
