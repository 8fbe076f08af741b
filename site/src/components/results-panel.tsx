// The last run: its outcome in words, tests grouped by task with messages and durations, the grader's
// diagnostics (each jumps to its line), and the captured output in a collapsible panel.
import type { Report } from "../api/types.js";
import { explainReport, groupByTask } from "../lab/explain-report.js";
import { percent } from "../lab/labels.js";
import { CappedOutput } from "./capped-output.js";

export interface ResultsPanelProps {
  report: Report | null;
  running: boolean;
  elapsedMs: number;
  runError: React.ReactNode;
  onJump(line: number, column: number): void;
}

export function ResultsPanel({ report, running, elapsedMs, runError, onJump }: ResultsPanelProps) {
  return (
    <section className="results" aria-labelledby="results-title" aria-busy={running}>
      <h2 id="results-title" className="panel-title">
        Results
      </h2>
      <div aria-live="polite">
        {running && (
          <p className="running" role="status">
            <span className="spinner" aria-hidden="true" /> Running the tests… {(elapsedMs / 1000).toFixed(0)} s
          </p>
        )}
        {!running && runError}
        {!running && !report && !runError && <p className="muted">Press Run (Ctrl+Enter) to grade your code.</p>}
      </div>
      {report && <ReportView report={report} onJump={onJump} stale={running} />}
    </section>
  );
}

function ReportView({ report, onJump, stale }: { report: Report; onJump: ResultsPanelProps["onJump"]; stale: boolean }) {
  const summary = explainReport(report);
  return (
    <div className={`report report-${report.status}${stale ? " stale" : ""}`} data-report-status={report.status}>
      <p className="report-summary">
        <strong>{summary.title}</strong> <span className="muted">Score {percent(report.score)} · {(report.durationMs / 1000).toFixed(1)} s</span>
      </p>
      {summary.detail && <p className="report-detail">{summary.detail}</p>}
      {report.location && (
        <p>
          <button type="button" className="link-button" onClick={() => onJump(report.location!.line, report.location!.column)}>
            Go to {report.location.file} line {report.location.line}
          </button>
        </p>
      )}
      {groupByTask(report).map((group) => (
        <section key={`${group.taskId}-${group.title}`} className="task-group">
          <h3>{group.title}</h3>
          <ul className="test-list">
            {group.tests.map(({ name, index }) => {
              const test = report.tests[index]!;
              return (
                <li key={index} className={`test test-${test.status}`} data-test-status={test.status}>
                  <span className="test-icon" aria-hidden="true">
                    {test.status === "pass" ? "✓" : test.status === "fail" ? "✗" : "–"}
                  </span>
                  <span className="test-name">{name}</span>
                  <span className="sr-only">{test.status === "pass" ? "passed" : test.status === "fail" ? "failed" : "skipped"}</span>
                  <span className="test-duration muted">{Math.round(test.durationMs)} ms</span>
                  {test.message && <pre className="test-message">{test.message}</pre>}
                  {test.output && (
                    <details className="test-output">
                      <summary>What your code printed</summary>
                      <CappedOutput text={test.output} label={`Output of ${name}`} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {report.diagnostics.length > 0 && (
        <section className="task-group">
          <h3>Type errors ({report.diagnostics.length})</h3>
          <ul className="diagnostics">
            {report.diagnostics.map((d, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => onJump(d.line, d.column)}>
                  {d.file}:{d.line}:{d.column}
                </button>{" "}
                {d.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.output && (
        <details className="run-output">
          <summary>Output ({report.output.split("\n").length} lines)</summary>
          <CappedOutput text={report.output} label="Output of the test run" />
        </details>
      )}
    </div>
  );
}
