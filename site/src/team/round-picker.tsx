// The host picks the next round: a question from the bank (by area) or a lab's coding task, and a duration.
import { useEffect, useState } from "react";
import { listTeamLabs, listTeamQuestions, startTeamRound } from "../api/client.js";
import type { LabSummary, Question, QuestionArea } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { Field } from "./field.js";
import { AREA_LABELS, TYPE_LABELS } from "./labels.js";

type Source = "lab" | "question";

/** A code question is answered by picking an option or in free text; one with neither cannot be a round. */
const answerable = (q: Question) => q.type !== "code" || ("options" in q && Boolean(q.options)) || ("keyPoints" in q && Boolean(q.keyPoints));

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function RoundPicker({ token, onStarted }: { token?: string; onStarted?(): void }) {
  const [source, setSource] = useState<Source>("question");
  const [area, setArea] = useState<QuestionArea>("storage");
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [questionId, setQuestionId] = useState("");
  const [labs, setLabs] = useState<LabSummary[] | null>(null);
  const [labId, setLabId] = useState("");
  const [minutes, setMinutes] = useState(5);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (source !== "question") return;
    const controller = new AbortController();
    setQuestions(null);
    listTeamQuestions(area, token).then(
      ({ questions: bank }) => {
        if (controller.signal.aborted) return;
        const usable = bank.filter(answerable);
        setQuestions(usable);
        setQuestionId(usable[0]?.id ?? "");
      },
      (e: unknown) => !controller.signal.aborted && setError(e),
    );
    return () => controller.abort();
  }, [source, area, token]);

  useEffect(() => {
    if (source !== "lab" || labs) return;
    listTeamLabs(token).then(({ labs: list }) => {
      setLabs(list);
      setLabId((current) => current || (list[0]?.id ?? ""));
    }, setError);
  }, [source, labs, token]);

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    const durationSec = Math.max(10, Math.round(minutes * 60));
    setBusy(true);
    setError(null);
    startTeamRound(source === "lab" ? { labId, durationSec } : { questionId, durationSec }, token)
      .then(() => onStarted?.(), setError)
      .finally(() => setBusy(false));
  };

  const chosen = source === "lab" ? labId : questionId;
  return (
    <form className="team-panel team-form round-picker" onSubmit={start} aria-labelledby="picker-title">
      <h2 id="picker-title" className="panel-title">
        Next round
      </h2>
      <fieldset className="inline-choices">
        <legend>Task</legend>
        <label>
          <input type="radio" name="source" checked={source === "question"} onChange={() => setSource("question")} /> Question from the bank
        </label>
        <label>
          <input type="radio" name="source" checked={source === "lab"} onChange={() => setSource("lab")} /> Lab coding task
        </label>
      </fieldset>
      {source === "question" ? (
        <>
          <Field label="Area">
            {(id) => (
              <select id={id} value={area} onChange={(e) => setArea(e.target.value as QuestionArea)}>
                {Object.entries(AREA_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Question">
            {(id) => (
              <select id={id} value={questionId} onChange={(e) => setQuestionId(e.target.value)} disabled={!questions?.length}>
                {questions === null && <option value="">Loading…</option>}
                {questions?.length === 0 && <option value="">No questions in this area</option>}
                {questions?.map((q) => (
                  <option key={q.id} value={q.id}>
                    [{TYPE_LABELS[q.type]}] {shorten(q.prompt)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : (
        <Field label="Lab">
          {(id) => (
            <select id={id} value={labId} onChange={(e) => setLabId(e.target.value)} disabled={!labs?.length}>
              {labs === null && <option value="">Loading…</option>}
              {labs?.map((lab) => (
                <option key={lab.id} value={lab.id}>
                  {lab.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Duration (minutes)">
        {(id) => <input id={id} type="number" min={0.5} max={240} step={0.5} value={minutes} onChange={(e) => setMinutes(Number(e.target.value) || 0)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !chosen || minutes <= 0}>
          Start round
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
