// /practice: the three ways to drill the question bank, each with where the learner stands.
import { Link } from "react-router";
import { getDueFlashcards, listExams, listInterviews } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { areaLabel, topicLabel } from "../practice/areas.js";
import { dateTime, percent } from "../practice/time-format.js";
import { useApi } from "../practice/use-api.js";

export default function PracticePage() {
  const cards = useApi((signal) => getDueFlashcards({ limit: 1 }, signal), []);
  const exams = useApi((signal) => listExams(signal), []);
  const interviews = useApi((signal) => listInterviews(signal), []);
  const error = cards.error ?? exams.error ?? interviews.error;
  const reload = (): void => {
    cards.reload();
    exams.reload();
    interviews.reload();
  };

  const stats = cards.data?.stats;
  const lastExam = exams.data?.exams[0];
  const lastInterview = interviews.data?.interviews[0];
  const weakestArea = lastExam?.byArea ? Object.entries(lastExam.byArea).sort(([, a], [, b]) => a.score - b.score)[0] : undefined;

  return (
    <section className="page practice-page" aria-labelledby="practice-title" data-ready={cards.data && exams.data && interviews.data ? "true" : undefined}>
      <div className="page-head">
        <div>
          <h1 id="practice-title">Practice</h1>
          <p className="muted">
            Drill the question bank for the AZ-204 exam and for Azure developer interviews. Progress stays in <code>.azlab/</code> on this machine.
          </p>
        </div>
      </div>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <ul className="mode-grid">
        <li className="lab-card mode-card" data-mode="flashcards">
          <h2>
            <Link to="/practice/flashcards">Flashcards</Link>
          </h2>
          <p className="lab-summary">Spaced repetition: each card comes back just before you would forget it.</p>
          <p className="mode-stat">
            {stats ? (
              <>
                <strong>{stats.dueToday}</strong> due, <strong>{stats.newToday}</strong> new today · streak {stats.streak} day{stats.streak === 1 ? "" : "s"}
              </>
            ) : (
              <span className="muted">Loading…</span>
            )}
          </p>
        </li>
        <li className="lab-card mode-card" data-mode="exam">
          <h2>
            <Link to="/practice/exam">Practice exam</Link>
          </h2>
          <p className="lab-summary">40 timed questions drawn by the exam's skill-area weights, scored per area at the end.</p>
          <p className="mode-stat">
            {!exams.data ? (
              <span className="muted">Loading…</span>
            ) : lastExam && lastExam.score !== null ? (
              <>
                Last: <strong>{percent(lastExam.score)}</strong> on {dateTime(lastExam.submittedAt ?? lastExam.startedAt)}
                {weakestArea && <> · weakest: {areaLabel(weakestArea[0])}</>}
              </>
            ) : (
              <span className="muted">Not taken yet.</span>
            )}
          </p>
        </li>
        <li className="lab-card mode-card" data-mode="interview">
          <h2>
            <Link to="/practice/interview">Mock interview</Link>
          </h2>
          <p className="lab-summary">Timed free-answer questions; tick the key points you covered, and weak topics become flashcards.</p>
          <p className="mode-stat">
            {!interviews.data ? (
              <span className="muted">Loading…</span>
            ) : lastInterview ? (
              <>
                Last: {dateTime(lastInterview.finishedAt ?? lastInterview.startedAt)} ·{" "}
                {lastInterview.weakTopics.length === 0 ? "no weak topics" : `weak: ${lastInterview.weakTopics.map(topicLabel).join(", ")}`}
              </>
            ) : (
              <span className="muted">None yet.</span>
            )}
          </p>
        </li>
      </ul>
      <p className="muted practice-more">
        Study first? Read the <Link to="/cheat-sheet">cheat sheet</Link> and the <Link to="/patterns">design patterns</Link>.
      </p>
    </section>
  );
}
