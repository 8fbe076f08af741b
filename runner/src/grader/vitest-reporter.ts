// A vitest reporter that runs inside the grading child process and streams results to the grader over IPC,
// so that even a run killed for time or memory reports the tests that finished before.
import { relative } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";

type UserConsoleLog = Parameters<NonNullable<Reporter["onUserConsoleLog"]>>[0];
import type { ReportedModuleError, ReportedTest, ReporterMessage } from "./reporter-protocol.js";

const OUTPUT_CAP_PER_TEST = 8 * 1024;

function send(message: ReporterMessage): void {
  process.send?.(message);
}

function errorText(error: { message?: string; diff?: string; stack?: string } | undefined): string {
  if (!error) return "failed";
  const message = error.message ?? String(error);
  return error.diff ? `${message}\n\n${error.diff}` : message;
}

export default class AzlabReporter implements Reporter {
  private root = process.cwd();
  private outputs = new Map<string, string>();

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (!log.taskId) return;
    const previous = this.outputs.get(log.taskId) ?? "";
    if (previous.length < OUTPUT_CAP_PER_TEST) this.outputs.set(log.taskId, (previous + log.content).slice(0, OUTPUT_CAP_PER_TEST));
  }

  private toReported(test: TestCase): ReportedTest {
    const result = test.result();
    const path: string[] = [];
    for (let parent = test.parent; parent.type === "suite"; parent = parent.parent) path.unshift(parent.name);
    path.push(test.name);
    const status = result.state === "passed" ? "pass" : result.state === "failed" ? "fail" : "skip";
    const errors = result.state === "failed" ? result.errors ?? [] : [];
    return {
      file: relative(this.root, test.module.moduleId),
      path,
      status,
      message: errors.length ? errors.map(errorText).join("\n\n") : undefined,
      durationMs: Math.round(test.diagnostic()?.duration ?? 0),
      output: this.outputs.get(test.id),
    };
  }

  onTestCaseResult(test: TestCase): void {
    send({ kind: "azlab-test", test: this.toReported(test) });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const tests: ReportedTest[] = [];
    const moduleErrors: ReportedModuleError[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) tests.push(this.toReported(test));
      for (const error of module.errors()) {
        moduleErrors.push({ file: relative(this.root, module.moduleId), message: errorText(error), stack: error.stack });
      }
    }
    const unhandled = unhandledErrors.map((error) => {
      const e = error as { message?: string; stack?: string };
      return { file: "", message: e.message ?? String(error), stack: e.stack };
    });
    send({ kind: "azlab-end", tests, moduleErrors, unhandled });
  }
}
