// /practice/interview: a timed mock interview of free-answer questions, self-scored against each question's
// key points. Topics answered weakly come back as flashcards due now.
import { useState } from "react";
import { Link } from "react-router";
import { finishInterview, listInterviews, startInterview } from "../api/client.js";
import type { InterviewRecord, StartedInterview } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { InterviewHistoryList, WeakTopicLinks } from "../practice/interview-history.js";
import { InterviewStep, type StepAnswer } from "../practice/interview-step.js";
import { useApi } from "../practice/use-api.js";

interface Running {
  interview: StartedInterview;
  index: number;
  /** When the current question was shown: its clock runs from here. */
  shownAt: number;
  answers: Record<string, StepAnswer>;
}

const EMPTY: StepAnswer = { answer: "", covered: [], question: null };

export default function PracticeInterviewPage() {
  const [running, setRunning] = useState<Running | null>(null);
  const [finished, setFinished] = useState<InterviewRecord | null>(null);
  const [count, setCount] = useState(6);
  const [minutesPerQuestion, setMinutesPerQuestion] = useState(4);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const history = useApi((signal) => listInterviews(signal), [finished]);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const interview = await startInterview({ count, minutesPerQuestion });
      setFinished(null);
      setRunning({ interview, index: 0, shownAt: Date.now(), answers: {} });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const finish = async (): Promise<void> => {
    if (!running) return;
    setBusy(true);
    setError(null);
    try {
      const answers = running.interview.questions.map((q) => {
        const step = running.answers[q.id] ?? EMPTY;
        return { questionId: q.id, answer: step.answer, covered: step.covered };
      });
      setFinished(await finishInterview(running.interview.id, answers));
      setRunning(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const current = running?.interview.questions[running.index];
  const step = current && running ? (running.answers[current.id] ?? EMPTY) : EMPTY;
  const isLast = running ? running.index === running.interview.questions.length - 1 : false;

  return (
    <section className="page narrow practice-page" aria-labelledby="interview-title">
      <p className="breadcrumb">
        <Link to="/practice">Practice</Link>
      </p>
      <h1 id="interview-title">Mock interview</h1>
      {error ? <ErrorNotice error={error} /> : null}

      {running && current ? (
        <>
          <InterviewStep
            key={current.id}
            prompt={current}
            number={running.index + 1}
            total={running.interview.questions.length}
            deadline={running.shownAt + running.interview.minutesPerQuestion * 60_000}
            value={step}
            onChange={(value) => setRunning((r) => r && { ...r, answers: { ...r.answers, [current.id]: value } })}
          />
          {step.question && (
            <div className="button-row interview-nav">
              {isLast ? (
                <button type="button" className="primary" onClick={() => void finish()} disabled={busy}>
                  {busy ? "Finishing…" : "Finish the interview"}
                </button>
              ) : (
                <button type="button" className="primary" onClick={() => setRunning((r) => r && { ...r, index: r.index + 1, shownAt: Date.now() })}>
                  Next question
                </button>
              )}
            </div>
          )}
        </>
      ) : (
        <>
          {finished && (
            <section className="notice interview-result" aria-labelledby="interview-result-title" data-interview-result={finished.id}>
              <h2 id="interview-result-title">Interview finished</h2>
              {finished.weakTopics.length > 0 ? (
                <>
                  <p>
                    Weak topics (you covered fewer than half of the key points). These are now due as flashcards:
                  </p>
                  <WeakTopicLinks topics={finished.weakTopics} />
                </>
              ) : (
                <p>No weak topics: every answer covered at least half of its key points.</p>
              )}
            </section>
          )}
          <form
            className="start-form"
            aria-label="Start a mock interview"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <p className="muted">
              Free-answer questions on patterns, system design, troubleshooting and Azure depth. Type your answer as you would say it, then
              compare it with the key points.
            </p>
            <label>
              Questions
              <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Math.min(20, Math.max(1, Number(e.target.value) || 1)))} />
            </label>
            <label>
              Minutes per question
              <input
                type="number"
                min={1}
                max={30}
                value={minutesPerQuestion}
                onChange={(e) => setMinutesPerQuestion(Math.min(30, Math.max(1, Number(e.target.value) || 1)))}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {finished ? "Start another interview" : "Start the interview"}
            </button>
          </form>
          <section className="history" aria-labelledby="interview-history-title">
            <h2 id="interview-history-title">Past interviews</h2>
            {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
            {history.data ? <InterviewHistoryList interviews={history.data.interviews} /> : !history.error && <p className="muted">Loading…</p>}
          </section>
        </>
      )}
    </section>
  );
}
