// One round as the host sees it: the task (with its answer), the clock, close and reveal, and a card per
// participant: typing, submitted, grading with queue position, test results, answers to score; in a pair
// interview, the candidate's editor live.
import { lazy, Suspense, useState } from "react";
import { closeTeamRound, revealTeamRound } from "../api/client.js";
import type { RoundParticipantView, RoundView, TeamMode } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { MarkdownView } from "../components/markdown-view.js";
import { AnswerReveal } from "./answer-reveal.js";
import { KeyPointScorer } from "./key-point-scorer.js";
import { gradingLabel } from "./labels.js";
import { QuestionPromptView } from "./question-prompt-view.js";
import { RoundClock } from "./round-clock.js";
import { TestResultsList } from "./test-results-list.js";
import { useNow } from "./use-now.js";

const PairWatch = lazy(() => import("./pair-watch.js"));

/** The server's "typing" is as of its last push; a push only comes with a change, so it fades here. */
const TYPING_FRESH_MS = 5000;

export interface HostRoundPanelProps {
  round: RoundView;
  mode: TeamMode;
  clockOffsetMs: number;
  receivedAt: number;
  token?: string;
  current: boolean;
}

export function roundTitle(round: RoundView): string {
  if (round.lab) return round.lab.title;
  const prompt = round.question?.prompt.split("\n")[0] ?? "Question";
  return prompt.length > 80 ? `${prompt.slice(0, 79)}…` : prompt;
}

function ParticipantCard({ round, participant, mode, typing, token }: { round: RoundView; participant: RoundParticipantView; mode: TeamMode; typing: boolean; token?: string }) {
  const submission = participant.submission;
  const report = submission?.report ?? undefined;
  const keyPoints = round.answer?.keyPoints;
  const watching = mode === "pair" && round.kind === "lab" && round.status === "open";
  return (
    <li
      className="participant-card"
      data-participant={participant.name}
      data-typing={typing}
      data-submitted={Boolean(submission)}
      data-grading={submission?.grading ?? (submission ? "none" : "not-submitted")}
      data-report-status={report?.status}
    >
      <div className="participant-head">
        <strong>{participant.name}</strong>
        {typing && <span className="chip chip-typing">typing…</span>}
        <span className="participant-status">
          {submission ? `${round.kind === "lab" ? gradingLabel(submission) : "Answered"} · ${submission.points} pts` : "Not submitted"}
        </span>
      </div>
      {report && (
        <>
          {report.message && <p className="muted">{report.message}</p>}
          <TestResultsList report={report} />
        </>
      )}
      {round.kind === "question" && submission?.choices && <p>Chose: {submission.choices.join(", ") || "nothing"}</p>}
      {round.kind === "question" && submission?.answer !== undefined && <blockquote className="free-answer">{submission.answer || "(empty)"}</blockquote>}
      {round.kind === "question" && submission && keyPoints && (
        <KeyPointScorer
          key={submission.submittedAt}
          roundId={round.id}
          participantId={participant.id}
          name={participant.name}
          keyPoints={keyPoints}
          saved={submission.keyPointScores}
          token={token}
        />
      )}
      {watching && (
        <Suspense fallback={<p className="loading" role="status">Loading the editor…</p>}>
          <PairWatch
            participantId={participant.id}
            name={participant.name}
            code={participant.draft ?? submission?.code ?? round.lab?.starter ?? ""}
            comments={round.comments.filter((c) => c.participantId === participant.id)}
            token={token}
          />
        </Suspense>
      )}
      {!watching && round.kind === "lab" && submission?.code !== undefined && (
        <details>
          <summary>Submitted code</summary>
          <pre className="submitted-code">{submission.code}</pre>
        </details>
      )}
    </li>
  );
}

export function HostRoundPanel({ round, mode, clockOffsetMs, receivedAt, token, current }: HostRoundPanelProps) {
  const now = useNow();
  const [error, setError] = useState<unknown>(null);
  const act = (action: (id: string, token?: string) => Promise<unknown>) => () => {
    setError(null);
    action(round.id, token).catch(setError);
  };
  const fresh = now - receivedAt < TYPING_FRESH_MS;
  return (
    <section className="team-panel host-round" data-round={round.number} data-round-status={round.status} aria-labelledby={`round-${round.id}`}>
      <div className="round-head">
        <h2 id={`round-${round.id}`}>
          Round {round.number}: {roundTitle(round)}
        </h2>
        <RoundClock round={round} clockOffsetMs={clockOffsetMs} />
        {current && (
          <div className="button-row">
            {round.status === "open" && (
              <button type="button" onClick={act(closeTeamRound)}>
                Close round
              </button>
            )}
            {round.status !== "revealed" && (
              <button type="button" onClick={act(revealTeamRound)}>
                Reveal answers
              </button>
            )}
          </div>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {round.question && (
        <details open={current}>
          <summary>Question and answer</summary>
          <QuestionPromptView question={round.question} correctOptions={round.answer?.correctOptions} />
          {round.answer && <AnswerReveal answer={round.answer} />}
        </details>
      )}
      {round.lab && (
        <details>
          <summary>Instructions ({round.lab.id})</summary>
          <MarkdownView markdown={round.lab.readme} className="readme" />
        </details>
      )}
      <ul className="participant-cards">
        {round.participants.map((participant) => (
          <ParticipantCard
            key={participant.id}
            round={round}
            participant={participant}
            mode={mode}
            typing={current && round.status === "open" && participant.typing && fresh}
            token={token}
          />
        ))}
      </ul>
      {round.participants.length === 0 && <p className="muted">Nobody has joined yet.</p>}
    </section>
  );
}
