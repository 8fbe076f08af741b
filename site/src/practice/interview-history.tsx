// Past mock interviews, newest first, with the topics each one found weak (each links to its flashcards).
import { Link } from "react-router";
import type { InterviewRecord } from "../api/types.js";
import { topicLabel } from "./areas.js";
import { dateTime } from "./time-format.js";

export function InterviewHistoryList({ interviews }: { interviews: readonly InterviewRecord[] }) {
  if (interviews.length === 0) return <p className="muted">No mock interview yet.</p>;
  return (
    <table className="history-table" aria-label="Past mock interviews">
      <thead>
        <tr>
          <th scope="col">Finished</th>
          <th scope="col">Questions</th>
          <th scope="col">Weak topics</th>
        </tr>
      </thead>
      <tbody>
        {interviews.map((interview) => (
          <tr key={interview.id} data-interview={interview.id}>
            <td>{dateTime(interview.finishedAt ?? interview.startedAt)}</td>
            <td>{interview.questionIds.length}</td>
            <td>
              {interview.weakTopics.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                <WeakTopicLinks topics={interview.weakTopics} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeakTopicLinks({ topics }: { topics: readonly string[] }) {
  return (
    <ul className="inline-list weak-topics">
      {topics.map((topic) => (
        <li key={topic} data-topic={topic}>
          <Link to={`/practice/flashcards?topic=${encodeURIComponent(topic)}`}>{topicLabel(topic)}</Link>
        </li>
      ))}
    </ul>
  );
}
