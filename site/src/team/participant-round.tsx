// A round as a participant sees it: the prompt and an answer box, or the lab's instructions beside the editor
// opened with the starter (or their own draft, after a reload); Submit; their grading (queue position, then
// pass or fail per test, hidden tests by name only); after the reveal, the answer.
import { lazy, Suspense, useRef, useState } from "react";
import { submitTeamAnswer } from "../api/client.js";
import type { RoundView } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { MarkdownView } from "../components/markdown-view.js";
import { ResultsPanel } from "../components/results-panel.js";
import type { CodeEditorHandle } from "../editor/code-editor.js";
import { AnswerReveal } from "./answer-reveal.js";
import { CommentList } from "./comment-list.js";
import { Field } from "./field.js";
import { gradingLabel } from "./labels.js";
import { QuestionPromptView } from "./question-prompt-view.js";
import { RoundClock } from "./round-clock.js";
import { TestResultsList } from "./test-results-list.js";
import { useDraftSender } from "./use-draft-sender.js";

const ParticipantEditor = lazy(() => import("./participant-editor.js"));

export interface ParticipantRoundProps {
  round: RoundView;
  clockOffsetMs: number;
  sendDraft(text: string): void;
  token?: string;
}

export function ParticipantRound({ round, clockOffsetMs, sendDraft, token }: ParticipantRoundProps) {
  const me = round.participants[0];
  const submission = me?.submission;
  const open = round.status === "open";
  const drafts = useDraftSender(sendDraft, open);
  // What the editor or the answer box holds: the server's copy of the draft first, so a reload keeps it.
  const [text, setText] = useState(() => me?.draft ?? submission?.code ?? submission?.answer ?? (round.lab ? round.lab.starter : ""));
  const [choices, setChoices] = useState<string[]>(() => submission?.choices ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editor = useRef<CodeEditorHandle>(null);
  const latest = useRef(text);

  const edit = (value: string) => {
    latest.current = value;
    setText(value);
    drafts.update(value);
  };

  const submit = () => {
    if (!open || busy) return;
    drafts.flush();
    setBusy(true);
    setError(null);
    const question = round.question;
    const body = round.kind === "lab" ? { code: latest.current } : question?.options ? { choices } : { answer: latest.current };
    submitTeamAnswer(body, token)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const grading = submission?.grading;
  // The results panel lists the visible tests; hidden ones are shown here by name and outcome only.
  const hidden = submission?.report?.tests.filter((t) => t.hidden) ?? [];
  const waiting = grading === "queued" || grading === "running";
  const submitLabel = busy ? "Submitting…" : submission ? "Submit again" : "Submit";

  const toolbar = (
    <div className="round-toolbar">
      <h2>
        Round {round.number}
        {round.lab ? `: ${round.lab.title}` : ""}
      </h2>
      <RoundClock round={round} clockOffsetMs={clockOffsetMs} />
      <span className="participant-status" data-grading={grading ?? (submission ? "none" : "not-submitted")} role="status">
        {submission ? (round.kind === "lab" ? gradingLabel(submission) : `Answer sent ${new Date(submission.submittedAt).toLocaleTimeString()}`) : open ? "" : "Not submitted"}
      </span>
      <button type="button" className="primary" onClick={submit} disabled={!open || busy} aria-keyshortcuts={round.kind === "lab" ? "Control+Enter Meta+Enter" : undefined}>
        {submitLabel}
      </button>
    </div>
  );

  if (round.kind === "lab" && round.lab) {
    const lab = round.lab;
    const comments = round.comments;
    return (
      <div className="team-lab" data-round={round.number}>
        {toolbar}
        {error !== null && <ErrorNotice error={error} />}
        <div className="lab-split">
          <aside className="lab-instructions" aria-label="Instructions">
            <MarkdownView markdown={lab.readme} className="readme" label="Lab instructions" />
          </aside>
          <section className="lab-work" aria-label="Code and results">
            <div className="editor-area">
              <Suspense fallback={<p className="loading" role="status">Loading the editor…</p>}>
                <ParticipantEditor ref={editor} labId={lab.id} initialValue={text} comments={comments} onChange={edit} onRun={submit} />
              </Suspense>
            </div>
            <CommentList comments={comments} onJump={(line) => editor.current?.revealLine(line)} />
            <ResultsPanel
              report={submission?.report ?? null}
              running={waiting}
              elapsedMs={submission ? Date.now() - Date.parse(submission.submittedAt) : 0}
              runError={
                grading === "failed" ? (
                  <p className="notice notice-error">Grading failed on the server. Submit again.</p>
                ) : !submission ? (
                  <p className="muted">Submit (Ctrl+Enter) to have your code graded, hidden tests included.</p>
                ) : null
              }
              onJump={(line, column) => editor.current?.revealLine(line, column)}
            />
            {hidden.length > 0 && submission?.report && (
              <section className="hidden-tests" aria-label="Hidden tests">
                <h3>Hidden tests</h3>
                <TestResultsList report={{ ...submission.report, tests: hidden }} />
              </section>
            )}
          </section>
        </div>
      </div>
    );
  }

  const question = round.question;
  return (
    <section className="team-panel team-question" data-round={round.number}>
      {toolbar}
      {error !== null && <ErrorNotice error={error} />}
      {question && (
        <QuestionPromptView
          question={question}
          chosen={choices}
          onChoose={open ? setChoices : undefined}
          correctOptions={round.answer?.correctOptions}
          disabled={!open}
        />
      )}
      {question && !question.options && (
        <Field label="Your answer" className="free-answer-box">
          {(id) => <textarea id={id} value={text} rows={8} maxLength={20_000} readOnly={!open} onChange={(e) => edit(e.target.value)} />}
        </Field>
      )}
      {submission && round.status === "revealed" && <p>Points: {submission.points}</p>}
      {round.answer && <AnswerReveal answer={round.answer} keyPointScores={submission?.keyPointScores} />}
    </section>
  );
}
