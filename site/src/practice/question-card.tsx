// A question for self-study (flashcards, a search result): pick then check for choice questions, or write an
// answer and show the model answer and key points for free ones. The parent owns "revealed" so it can offer
// the ratings once the answer is shown.
import { useState } from "react";
import type { Question, QuestionOption } from "../api/types.js";
import { MarkdownView } from "../components/markdown-view.js";
import { areaLabel, topicLabel } from "./areas.js";
import { InlineMarkdown } from "./inline-markdown.js";
import { OptionList } from "./option-list.js";
import { PromptView } from "./prompt-view.js";

export const choiceOptions = (question: Question): QuestionOption[] | undefined =>
  "options" in question && question.options ? question.options : undefined;

export interface QuestionCardProps {
  question: Question;
  revealed: boolean;
  onReveal: () => void;
}

export function QuestionCard({ question, revealed, onReveal }: QuestionCardProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [draft, setDraft] = useState("");
  const options = choiceOptions(question);
  const correct = options ? sameSet(picked, options.filter((o) => o.correct).map((o) => o.id)) : null;

  return (
    <article className="question-card" data-question={question.id} data-revealed={revealed}>
      <p className="question-meta muted">
        <span>{areaLabel(question.area)}</span> · <span>{topicLabel(question.topic)}</span> · <span>difficulty {question.difficulty}</span>
      </p>
      <PromptView prompt={question.prompt} code={"code" in question ? question.code : undefined} />

      {options ? (
        <>
          <OptionList
            name={`q-${question.id}`}
            options={options}
            multiple={question.type === "multiple"}
            picked={picked}
            onChange={revealed ? undefined : setPicked}
            feedback={revealed ? options : undefined}
          />
          {!revealed && (
            <button type="button" className="primary" disabled={picked.length === 0} onClick={onReveal}>
              Check answer
            </button>
          )}
          {revealed && (
            <p className={`verdict ${correct ? "verdict-right" : "verdict-wrong"}`} role="status">
              {correct ? "Correct." : "Not quite."}
            </p>
          )}
        </>
      ) : (
        <>
          <label className="answer-draft">
            Your answer <span className="muted">(for you only; not graded)</span>
            <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} readOnly={revealed} />
          </label>
          {!revealed && (
            <button type="button" className="primary" onClick={onReveal}>
              Show answer
            </button>
          )}
          {revealed && <ModelAnswer question={question} />}
        </>
      )}

      {revealed && (
        <div className="explanation">
          <h3>Why</h3>
          <MarkdownView markdown={question.explanation} />
          <p>
            <a href={question.source} target="_blank" rel="noopener noreferrer">
              Source on Microsoft Learn
            </a>
          </p>
        </div>
      )}
    </article>
  );
}

/** The model answer and the key points a good answer names (free and code-reading questions). */
export function ModelAnswer({ question }: { question: Question }) {
  const modelAnswer = "modelAnswer" in question ? question.modelAnswer : undefined;
  const keyPoints = "keyPoints" in question ? question.keyPoints : undefined;
  return (
    <div className="model-answer">
      {modelAnswer && (
        <>
          <h3>Model answer</h3>
          <MarkdownView markdown={modelAnswer} />
        </>
      )}
      {keyPoints && (
        <>
          <h3>Key points</h3>
          <ul className="key-points">
            {keyPoints.map((point) => (
              <li key={point}>
                <InlineMarkdown text={point} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
