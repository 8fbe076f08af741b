// A question as a round shows it: the prompt (markdown), its code snippet, and its options, which a
// participant picks while the round is open; after the reveal (and for the host) the right ones are marked.
import type { QuestionPrompt } from "../api/types.js";
import { MarkdownView } from "../components/markdown-view.js";
import { TYPE_LABELS } from "./labels.js";

export interface QuestionPromptViewProps {
  question: QuestionPrompt;
  chosen?: string[];
  onChoose?(choices: string[]): void;
  correctOptions?: string[];
  disabled?: boolean;
}

export function QuestionPromptView({ question, chosen = [], onChoose, correctOptions, disabled }: QuestionPromptViewProps) {
  const toggle = (id: string) => {
    if (!onChoose) return;
    if (!question.multiple) onChoose([id]);
    else onChoose(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].sort());
  };
  return (
    <div className="question-prompt">
      <p className="muted">
        {TYPE_LABELS[question.type]}
        {question.multiple ? " · pick every correct option" : ""} · {question.topic}
      </p>
      <MarkdownView markdown={question.prompt} label="Question" />
      {question.code && <MarkdownView markdown={"```ts\n" + question.code + "\n```"} label="Code" />}
      {question.options && (
        <fieldset className="question-options" disabled={disabled || !onChoose}>
          <legend className="sr-only">Options</legend>
          {question.options.map((option) => {
            const correct = correctOptions?.includes(option.id);
            return (
              <label key={option.id} className={correctOptions ? (correct ? "option-correct" : "option-wrong") : undefined}>
                <input
                  type={question.multiple ? "checkbox" : "radio"}
                  name={`q-${question.id}`}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={() => toggle(option.id)}
                />{" "}
                <strong>{option.id})</strong> {option.text}
                {correctOptions && correct && <span className="chip">correct</span>}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
