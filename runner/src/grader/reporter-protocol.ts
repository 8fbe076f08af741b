// Messages the in-child vitest reporter sends to the grader over the child's IPC channel. Learner code runs in
// vitest's fork workers, which have their own IPC channel to vitest, so it cannot forge these messages.
export interface ReportedTest {
  file: string;
  /** Titles from the outermost describe to the test itself. */
  path: string[];
  status: "pass" | "fail" | "skip";
  message?: string;
  durationMs: number;
  output?: string;
}

export interface ReportedModuleError {
  file: string;
  message: string;
  stack?: string;
}

export type ReporterMessage =
  | { kind: "azlab-test"; test: ReportedTest }
  | { kind: "azlab-end"; tests: ReportedTest[]; moduleErrors: ReportedModuleError[]; unhandled: ReportedModuleError[] };
