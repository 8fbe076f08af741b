// Turns what the child run produced into the versioned report of DESIGN.md. Meanings follow Exercism's
// test-runner interface: tests in file order, a run in which no test executed is never a pass.
import type { ReportedModuleError, ReportedTest } from "./reporter-protocol.js";
import type { ChildRunResult } from "./run-child.js";
import { REPORT_VERSION, type Diagnostic, type Report, type TestResult } from "./report-schema.js";

export interface ReportContext {
  labId: string;
  workspaceDir: string;
  hiddenFiles: string[];
  timeoutMs: number;
  maxRssMb: number;
  startedAt: Date;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Paths of the temp folder mean nothing to a learner: show file names relative to their lab. */
export function learnerPaths(text: string, workspaceDir: string): string {
  const pattern = new RegExp(`(file://)?${escapeRegExp(workspaceDir)}/`, "g");
  return text.replace(pattern, "").replace(/\/private(?=\/)/g, "");
}

function taskIdOf(path: string[]): number | null {
  const match = /^(\d+)\s*[.)]/.exec(path[0] ?? "");
  return match ? Number(match[1]) : null;
}

function toTestResult(test: ReportedTest, context: ReportContext): TestResult {
  return {
    name: test.path.join(" > "),
    taskId: taskIdOf(test.path),
    status: test.status,
    message: test.message ? learnerPaths(test.message, context.workspaceDir) : undefined,
    output: test.output,
    durationMs: test.durationMs,
    hidden: context.hiddenFiles.includes(test.file),
  };
}

/** Where in the learner's file an error points, from a stack or a bundler message. */
export function exerciseLocation(text: string): { file: string; line: number; column: number } | undefined {
  const match = /(?:^|[\s(/])(exercise\.ts):(\d+):(\d+)/.exec(text);
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : undefined;
}

function moduleErrorReport(errors: ReportedModuleError[], context: ReportContext) {
  const first = errors[0]!;
  const text = learnerPaths(`${first.message}\n${first.stack ?? ""}`, context.workspaceDir);
  const location = exerciseLocation(text);
  const cleanMessage = learnerPaths(first.message, context.workspaceDir).split("\n")[0]!;
  const where = location ? `${location.file}:${location.line}:${location.column}: ` : "";
  return {
    message: `Your code could not be loaded: ${where}${cleanMessage}`,
    location,
  };
}

export function buildReport(run: ChildRunResult, context: ReportContext, diagnostics: Diagnostic[]): Report {
  const reported = run.final?.tests ?? run.streamed;
  const tests = reported.map((test) => toTestResult(test, context));
  const passed = tests.filter((test) => test.status === "pass").length;
  const counted = tests.filter((test) => test.status !== "skip").length;
  const base = {
    version: REPORT_VERSION,
    lab: context.labId,
    tests,
    diagnostics,
    output: learnerPaths(run.output, context.workspaceDir),
    durationMs: run.durationMs,
    startedAt: context.startedAt.toISOString(),
  };

  if (run.ended === "timeout") {
    return {
      ...base,
      status: "timeout",
      score: 0,
      message:
        `The tests did not finish within ${Math.round(context.timeoutMs / 1000)} s and were stopped. ` +
        `Look for a loop that never ends or an await that never resolves (for example a receive without a time limit).`,
    };
  }
  const heapExhausted = /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/i.test(run.output);
  if (run.ended === "memory" || heapExhausted) {
    return {
      ...base,
      status: "error",
      score: 0,
      message: heapExhausted
        ? `Your code ran out of memory (the JavaScript heap limit) and was stopped. Look for data that grows without bound.`
        : `Your code used more than ${context.maxRssMb} MB of memory and was stopped. Look for data that grows without bound.`,
    };
  }
  const moduleErrors = run.final?.moduleErrors ?? [];
  if (moduleErrors.length > 0) {
    return { ...base, status: "error", score: 0, ...moduleErrorReport(moduleErrors, context) };
  }
  if (!run.final) {
    return {
      ...base,
      status: "error",
      score: 0,
      message:
        `The test run ended before it could report (exit code ${run.exitCode ?? "none"}${run.signal ? `, signal ${run.signal}` : ""}). ` +
          `Does your code call process.exit()? Tests must be allowed to finish.`,
    };
  }
  const unhandled = run.final.unhandled;
  if (unhandled.length > 0) {
    const message = unhandled.map((error) => learnerPaths(error.message, context.workspaceDir)).join("\n");
    const workerExit = /process\.exit|Worker exited unexpectedly|exited unexpectedly/i.test(message);
    return {
      ...base,
      status: counted > 0 ? "fail" : "error",
      score: counted > 0 ? Math.min(passed / counted, 0.99) : 0,
      message: workerExit
        ? `The tests were interrupted: your code ended the process (process.exit?) before the tests finished.\n${message}`
        : `An error escaped the tests (an unhandled rejection or a callback that threw):\n${message}`,
    };
  }
  if (counted === 0) {
    return { ...base, status: "fail", score: 0, message: "No test ran, so nothing passed." };
  }
  return { ...base, status: passed === counted ? "pass" : "fail", score: passed / counted };
}
