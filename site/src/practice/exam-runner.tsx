// Taking a practice exam: one question at a time, a countdown that submits at zero, a map of all questions,
// and no feedback until the end (as on the real exam).
import type { StartedExam } from "../api/types.js";
import { areaLabel } from "./areas.js";
import { OptionList } from "./option-list.js";
import { PromptView } from "./prompt-view.js";
import { clock } from "./time-format.js";
import { useCountdown } from "./use-countdown.js";

export interface ExamRunnerProps {
  exam: StartedExam;
  /** When time is up (epoch milliseconds). */
  deadline: number;
  answers: Record<string, string[]>;
  index: number;
  submitting: boolean;
  onAnswer: (questionId: string, picked: string[]) => void;
  onGo: (index: number) => void;
  onSubmit: () => void;
}

export function ExamRunner({ exam, deadline, answers, index, submitting, onAnswer, onGo, onSubmit }: ExamRunnerProps) {
  const left = useCountdown(deadline, onSubmit);
  const question = exam.questions[index];
  const answered = exam.questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  if (!question) return null;
  const last = index === exam.questions.length - 1;

  return (
    <div className="exam-runner" data-exam={exam.id}>
      <div className="exam-bar">
        <p className={`exam-timer${left < 60 ? " exam-timer-low" : ""}`} role="timer" aria-label="Time left">
          {clock(left)}
        </p>
        <p className="muted">
          Question {index + 1} of {exam.questions.length} · {answered} answered
        </p>
        <button type="button" className="primary" onClick={onSubmit} disabled={submitting}>
          {submitting ? "Submitting…" : "Submit exam"}
        </button>
      </div>

      <nav className="question-map" aria-label="Questions">
        <ol>
          {exam.questions.map((q, i) => {
            const done = (answers[q.id] ?? []).length > 0;
            return (
              <li key={q.id}>
                <button
                  type="button"
                  className={`map-cell${done ? " map-answered" : ""}${i === index ? " map-current" : ""}`}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}${done ? ", answered" : ""}`}
                  onClick={() => onGo(i)}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <article className="question-card exam-question" data-question={question.id}>
        <p className="question-meta muted">{areaLabel(question.area)}</p>
        <h2 className="sr-only">Question {index + 1}</h2>
        <PromptView prompt={question.prompt} code={question.code} />
        {question.options && (
          <OptionList
            key={question.id}
            name={`exam-${question.id}`}
            options={question.options}
            multiple={question.multiple}
            picked={answers[question.id] ?? []}
            onChange={(picked) => onAnswer(question.id, picked)}
          />
        )}
      </article>

      <div className="button-row exam-nav">
        <button type="button" onClick={() => onGo(index - 1)} disabled={index === 0}>
          Previous
        </button>
        {!last && (
          <button type="button" onClick={() => onGo(index + 1)}>
            Next
          </button>
        )}
        {last && answered < exam.questions.length && (
          <span className="muted">{exam.questions.length - answered} unanswered</span>
        )}
      </div>
    </div>
  );
}
