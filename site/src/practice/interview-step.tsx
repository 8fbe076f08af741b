// One mock-interview question: answer in your own words against the clock, then reveal the key points and
// tick the ones your answer covered. At zero the key points open by themselves.
import { useState } from "react";
import { getQuestion } from "../api/client.js";
import type { Question, QuestionPrompt } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { MarkdownView } from "../components/markdown-view.js";
import { areaLabel, topicLabel } from "./areas.js";
import { InlineMarkdown } from "./inline-markdown.js";
import { PromptView } from "./prompt-view.js";
import { clock } from "./time-format.js";
import { useCountdown } from "./use-countdown.js";

export interface StepAnswer {
  answer: string;
  covered: number[];
  question: Question | null;
}

export interface InterviewStepProps {
  prompt: QuestionPrompt;
  number: number;
  total: number;
  deadline: number;
  value: StepAnswer;
  onChange: (value: StepAnswer) => void;
}

export function InterviewStep({ prompt, number, total, deadline, value, onChange }: InterviewStepProps) {
  const [revealing, setRevealing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revealed = value.question !== null;

  const reveal = async (): Promise<void> => {
    if (revealed || revealing) return;
    setRevealing(true);
    setError(null);
    try {
      const { question } = await getQuestion(prompt.id);
      onChange({ ...value, question });
    } catch (e) {
      setError(e);
    } finally {
      setRevealing(false);
    }
  };
  const left = useCountdown(revealed ? null : deadline, () => void reveal());
  const keyPoints = value.question && "keyPoints" in value.question ? (value.question.keyPoints ?? []) : [];
  const modelAnswer = value.question && "modelAnswer" in value.question ? value.question.modelAnswer : undefined;

  const toggle = (index: number, checked: boolean): void =>
    onChange({ ...value, covered: checked ? [...value.covered, index].sort((a, b) => a - b) : value.covered.filter((i) => i !== index) });

  return (
    <article className="question-card interview-step" data-question={prompt.id} data-revealed={revealed}>
      <div className="exam-bar">
        <p className="muted">
          Question {number} of {total} · {areaLabel(prompt.area)} · {topicLabel(prompt.topic)}
        </p>
        {!revealed && (
          <p className={`exam-timer${left < 30 ? " exam-timer-low" : ""}`} role="timer" aria-label="Time left for this question">
            {clock(left)}
          </p>
        )}
      </div>
      <PromptView prompt={prompt.prompt} code={prompt.code} />
      <label className="answer-draft">
        Your answer
        <textarea
          value={value.answer}
          onChange={(e) => onChange({ ...value, answer: e.target.value })}
          rows={8}
          readOnly={revealed}
          placeholder="Answer as you would out loud: the idea first, then the why, then an example."
        />
      </label>
      {error ? <ErrorNotice error={error} onRetry={() => void reveal()} /> : null}
      {!revealed ? (
        <button type="button" className="primary" onClick={() => void reveal()} disabled={revealing}>
          {revealing ? "Revealing…" : "Reveal key points"}
        </button>
      ) : (
        <div className="model-answer">
          <fieldset className="key-point-ticks">
            <legend>Key points: tick the ones your answer covered</legend>
            <ul>
              {keyPoints.map((point, index) => (
                <li key={point}>
                  <label>
                    <input type="checkbox" checked={value.covered.includes(index)} onChange={(e) => toggle(index, e.target.checked)} />
                    <InlineMarkdown text={point} />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {modelAnswer && (
            <details className="model-answer-text">
              <summary>Model answer</summary>
              <MarkdownView markdown={modelAnswer} />
            </details>
          )}
        </div>
      )}
    </article>
  );
}
