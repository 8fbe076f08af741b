// The options of a choice question: radio buttons (one answer) or checkboxes (several). With `feedback` the
// picks are locked and every option says whether it was right, wrong or missed, with its explanation.
import type { QuestionOption } from "../api/types.js";
import { InlineMarkdown } from "./inline-markdown.js";

export type OptionVerdict = "right" | "wrong" | "missed" | "neutral";

export interface OptionListProps {
  /** Groups the radio buttons; unique per question on the page. */
  name: string;
  options: ReadonlyArray<{ id: string; text: string }>;
  multiple: boolean;
  picked: readonly string[];
  onChange?: (picked: string[]) => void;
  feedback?: readonly QuestionOption[];
}

const VERDICT_TEXT: Record<OptionVerdict, string> = {
  right: "Your pick: right",
  wrong: "Your pick: wrong",
  missed: "Correct answer (not picked)",
  neutral: "",
};

export function verdictOf(option: QuestionOption | undefined, picked: boolean): OptionVerdict {
  if (!option) return "neutral";
  if (picked) return option.correct ? "right" : "wrong";
  return option.correct ? "missed" : "neutral";
}

export function OptionList({ name, options, multiple, picked, onChange, feedback }: OptionListProps) {
  const locked = feedback !== undefined || onChange === undefined;
  const toggle = (id: string, checked: boolean): void => {
    if (!onChange) return;
    if (!multiple) onChange([id]);
    else onChange(checked ? [...picked, id] : picked.filter((p) => p !== id));
  };
  return (
    <fieldset className="options" disabled={locked}>
      <legend className="sr-only">{multiple ? "Pick every correct option" : "Pick one option"}</legend>
      {multiple && !feedback && <p className="muted option-hint">Pick every option that applies.</p>}
      <ul>
        {options.map((option) => {
          const isPicked = picked.includes(option.id);
          const full = feedback?.find((entry) => entry.id === option.id);
          const verdict = feedback ? verdictOf(full, isPicked) : "neutral";
          return (
            <li key={option.id} className={`option option-${verdict}${isPicked ? " option-picked" : ""}`} data-option={option.id} data-verdict={feedback ? verdict : undefined}>
              <label>
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.id}
                  checked={isPicked}
                  onChange={(e) => toggle(option.id, e.target.checked)}
                />
                <span className="option-letter">{option.id.toUpperCase()}.</span>
                <InlineMarkdown text={option.text} className="option-text" />
              </label>
              {full && (
                <div className="option-feedback">
                  {verdict !== "neutral" && <strong className="option-verdict">{VERDICT_TEXT[verdict]}. </strong>}
                  <InlineMarkdown text={full.explanation} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
