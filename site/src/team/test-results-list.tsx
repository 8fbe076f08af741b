// One line per test with pass or fail: compact, for the host's table and the pair view. Hidden tests are
// marked as such.
import type { Report } from "../api/types.js";

export function TestResultsList({ report }: { report: Report }) {
  return (
    <ul className="team-tests" data-report-status={report.status}>
      {report.tests.map((test, index) => (
        <li key={index} className={`test-${test.status}`} data-test-status={test.status}>
          <span aria-hidden="true">{test.status === "pass" ? "✓" : test.status === "fail" ? "✗" : "–"}</span> {test.name}
          {test.hidden && <span className="chip">hidden</span>}
          <span className="sr-only"> {test.status}</span>
        </li>
      ))}
    </ul>
  );
}
