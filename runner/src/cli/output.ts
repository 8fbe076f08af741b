// Human output: colour only on a TTY, a spinner while something slow runs, reports printed readably.
import ora, { type Ora } from "ora";
import pc from "picocolors";
import type { Report } from "../grader/report-schema.js";

export const isTty = Boolean(process.stdout.isTTY);
export const colors = pc.createColors(isTty && !process.env.NO_COLOR);

export function spinner(text: string): Ora {
  return ora({ text, stream: process.stderr, isEnabled: Boolean(process.stderr.isTTY) && !process.env.CI });
}

const STATUS_WORDS: Record<Report["status"], string> = {
  pass: "all tests pass",
  fail: "some tests fail",
  error: "the code could not run",
  timeout: "the tests timed out",
};

const indent = (text: string, by = "      ") => text.split("\n").map((line) => by + line).join("\n");

export function formatReport(report: Report): string {
  const c = colors;
  const lines: string[] = [];
  let task: number | null | undefined;
  for (const test of report.tests) {
    if (test.taskId !== task) {
      task = test.taskId;
      const title = test.name.split(" > ")[0];
      lines.push("", c.bold(`  ${title}`));
    }
    const name = test.name.split(" > ").slice(1).join(" > ") || test.name;
    const mark = test.status === "pass" ? c.green("✓") : test.status === "skip" ? c.yellow("-") : c.red("✗");
    const hidden = test.hidden ? c.dim(" (hidden test)") : "";
    lines.push(`    ${mark} ${name}${hidden} ${c.dim(`${test.durationMs} ms`)}`);
    if (test.status === "fail" && test.message) lines.push(c.red(indent(test.message.trim().split("\n").slice(0, 12).join("\n"))));
  }
  if (report.diagnostics.length > 0) {
    lines.push("", c.bold("  TypeScript says:"));
    for (const d of report.diagnostics.slice(0, 10)) lines.push(c.yellow(`    ${d.file}:${d.line}:${d.column} ${d.message}`));
  }
  if (report.message) lines.push("", (report.status === "fail" ? c.yellow : c.red)(indent(report.message, "  ")));
  const passed = report.tests.filter((t) => t.status === "pass").length;
  const failed = report.tests.filter((t) => t.status === "fail").length;
  const colour = report.status === "pass" ? c.green : c.red;
  lines.push(
    "",
    colour(`  ${report.lab}: ${STATUS_WORDS[report.status]} (score ${Math.round(report.score * 100)}%)`),
    `${passed} passed, ${failed} failed`,
  );
  return lines.join("\n");
}
