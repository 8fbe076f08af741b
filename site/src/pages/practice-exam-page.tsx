// /practice/exam: a timed practice exam drawn by the AZ-204 area weights, scored only at the end, with a
// review of every answer; past exams below. An exam in progress survives a reload (see exam-session.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { listExams, startExam, submitExam } from "../api/client.js";
import { ApiError } from "../api/http.js";
import type { StartedExam, SubmittedExam } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { ExamHistoryList } from "../practice/exam-history.js";
import { ExamResult } from "../practice/exam-result.js";
import { ExamRunner } from "../practice/exam-runner.js";
import { clearExamSession, loadExamSession, newExamSession, saveExamSession, type ExamSession } from "../practice/exam-session.js";
import { useApi } from "../practice/use-api.js";

const DEFAULT_COUNT = 40;
/** The real exam gives about 100 minutes for 40-60 questions: two minutes a question. */
const minutesFor = (count: number): number => Math.max(5, count * 2);

export default function PracticeExamPage() {
  const [session, setSession] = useState<ExamSession | null>(() => loadExamSession());
  const [submitted, setSubmitted] = useState<{ result: SubmittedExam; exam: StartedExam } | null>(null);
  const [count, setCount] = useState(DEFAULT_COUNT);
  const [minutes, setMinutes] = useState(minutesFor(DEFAULT_COUNT));
  const [minutesEdited, setMinutesEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const history = useApi((signal) => listExams(signal), [submitted]);
  const submitting = useRef(false);

  useEffect(() => {
    if (session) saveExamSession(session);
  }, [session]);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const exam = await startExam({ count, minutes });
      setSubmitted(null);
      setSession(newExamSession(exam));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = useCallback(async () => {
    if (!session || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await submitExam(session.exam.id, session.answers);
      clearExamSession();
      setSubmitted({ result, exam: session.exam });
      setSession(null);
      document.getElementById("main")?.scrollTo({ top: 0 });
    } catch (e) {
      // 404/409: the server no longer has this exam open (already submitted, or another .azlab/): drop it.
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) {
        clearExamSession();
        setSession(null);
      }
      setError(e);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }, [session]);

  const abandon = (): void => {
    clearExamSession();
    setSession(null);
  };

  return (
    <section className="page narrow practice-page" aria-labelledby="exam-title">
      <p className="breadcrumb">
        <Link to="/practice">Practice</Link>
      </p>
      <h1 id="exam-title">Practice exam</h1>
      {error ? <ErrorNotice error={error} /> : null}

      {session ? (
        <>
          <ExamRunner
            exam={session.exam}
            deadline={session.deadline}
            answers={session.answers}
            index={session.index}
            submitting={busy}
            onAnswer={(id, picked) => setSession((s) => s && { ...s, answers: { ...s.answers, [id]: picked } })}
            onGo={(index) => setSession((s) => s && { ...s, index: Math.min(Math.max(index, 0), s.exam.questions.length - 1) })}
            onSubmit={() => void submit()}
          />
          <p className="abandon">
            <button type="button" className="link-button" onClick={abandon}>
              Abandon this exam
            </button>
          </p>
        </>
      ) : (
        <>
          {submitted && <ExamResult submitted={submitted.result} questions={submitted.exam.questions} />}
          <form
            className="start-form"
            aria-label="Start a practice exam"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <p className="muted">
              Questions are drawn by the exam's skill-area weights. No feedback until you submit; at zero the exam submits itself.
            </p>
            <label>
              Questions
              <input
                type="number"
                min={1}
                max={120}
                value={count}
                onChange={(e) => {
                  const next = Math.min(120, Math.max(1, Number(e.target.value) || 1));
                  setCount(next);
                  if (!minutesEdited) setMinutes(minutesFor(next));
                }}
              />
            </label>
            <label>
              Time limit (minutes)
              <input
                type="number"
                min={1}
                max={300}
                value={minutes}
                onChange={(e) => {
                  setMinutesEdited(true);
                  setMinutes(Math.min(300, Math.max(1, Number(e.target.value) || 1)));
                }}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {submitted ? "Start another exam" : "Start the exam"}
            </button>
            <p className="muted time-limit" data-minutes={minutes}>
              {count} questions, {minutes} minutes.
            </p>
          </form>
        </>
      )}

      {!session && (
        <section className="history" aria-labelledby="exam-history-title">
          <h2 id="exam-history-title">Past exams</h2>
          {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
          {history.data ? <ExamHistoryList exams={history.data.exams} /> : !history.error && <p className="muted">Loading…</p>}
        </section>
      )}
    </section>
  );
}
