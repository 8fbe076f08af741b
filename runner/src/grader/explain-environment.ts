// When a keyless lab's tests fail for an environment reason (untrusted CA, proxy or token service not
// reachable), say which variable is wrong and how to fix it, instead of leaving a raw TLS error.
import { explainCloudEnvProblem } from "../emulators/proxy/explain-env-problem.js";
import type { Report } from "./report-schema.js";

export function explainEnvironmentProblems(report: Report, env: Record<string, string>): Report {
  if (report.status === "pass" || !("IDENTITY_ENDPOINT" in env || "HTTPS_PROXY" in env)) return report;
  const text = [report.message ?? "", report.output, ...report.tests.map((test) => test.message ?? "")].join("\n");
  const hint = explainCloudEnvProblem(text, env);
  if (!hint) return report;
  const note = `Environment problem (${hint.variable}): ${hint.message}`;
  return { ...report, message: report.message ? `${report.message}\n\n${note}` : note };
}
