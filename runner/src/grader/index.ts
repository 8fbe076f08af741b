export { grade, resolveSource, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RSS_MB, DEFAULT_HEAP_MB, type GradeOptions } from "./grade-lab.js";
export { InProcessGradeQueue, type GradeQueue } from "./grade-queue.js";
export { ReportSchema, REPORT_VERSION, type Report, type TestResult, type Diagnostic, type ReportStatus } from "./report-schema.js";
export { graderCompilerOptions, typeDiagnostics } from "./type-check.js";
