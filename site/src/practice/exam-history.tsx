// Past practice exams, newest first: when, how many questions, the score and the weakest area.
import type { ExamRecord } from "../api/types.js";
import { areaLabel } from "./areas.js";
import { dateTime, percent } from "./time-format.js";

export function ExamHistoryList({ exams }: { exams: readonly ExamRecord[] }) {
  if (exams.length === 0) return <p className="muted">No practice exam taken yet.</p>;
  return (
    <table className="history-table" aria-label="Past practice exams">
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Questions</th>
          <th scope="col">Score</th>
          <th scope="col">Weakest area</th>
        </tr>
      </thead>
      <tbody>
        {exams.map((exam) => {
          const weakest = Object.entries(exam.byArea ?? {}).sort(([, a], [, b]) => a.score - b.score)[0];
          return (
            <tr key={exam.id} data-exam={exam.id}>
              <td>{dateTime(exam.submittedAt ?? exam.startedAt)}</td>
              <td>{exam.questionIds.length}</td>
              <td>{exam.score === null ? "-" : percent(exam.score)}</td>
              <td>{weakest ? `${areaLabel(weakest[0])} (${percent(weakest[1].score)})` : "-"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
