// A participant's session: the current round (or a wait for the first), and the scoreboard. When the host
// ends the session, the last view stays with a notice.
import { useEffect } from "react";
import { ApiError } from "../api/http.js";
import type { SessionView } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { roleNames } from "./labels.js";
import { ParticipantRound } from "./participant-round.js";
import { ScoreboardTable } from "./scoreboard-table.js";
import { useTeamSession } from "./use-team-session.js";

export function ParticipantRoom({ token, onLost }: { token?: string; onLost(error: unknown): void }) {
  const session = useTeamSession(token);
  const { state } = session;
  // A token the server no longer knows (the session ended, another started): back to the join form.
  const refused = session.error instanceof ApiError && (session.error.status === 401 || session.error.status === 403);
  useEffect(() => {
    if (refused && !state) onLost(session.error);
  }, [refused, state, onLost, session.error]);
  if (session.error && !state) {
    return (
      <ErrorNotice error={session.error} onRetry={session.reload}>
        <button type="button" onClick={() => onLost(session.error)}>
          Join again
        </button>
      </ErrorNotice>
    );
  }
  if (!state) return <p className="loading" role="status">Loading the session…</p>;
  const round = state.rounds.at(-1);
  return (
    <div className="team-room" data-mode={state.mode} data-connected={session.connected}>
      <RoomHead state={state} connected={session.connected} ended={session.ended} />
      {session.ended && (
        <div className="banner banner-info" role="status">
          The host has ended this session. Thank you for taking part.
        </div>
      )}
      {round ? (
        // Keyed by round: a new round opens a fresh editor or answer box.
        <ParticipantRound key={round.id} round={round} clockOffsetMs={session.clockOffsetMs} sendDraft={session.sendDraft} token={token} />
      ) : (
        <p className="team-panel waiting" role="status">
          You are in. Waiting for the {roleNames(state.mode).host.toLowerCase()} to start the first round…
        </p>
      )}
      <ScoreboardTable rows={state.scoreboard} you={state.you?.id} />
    </div>
  );
}

function RoomHead({ state, connected, ended }: { state: SessionView; connected: boolean; ended: boolean }) {
  return (
    <div className="team-head">
      <div>
        <h1>{state.title}</h1>
        <p className="muted">
          You are <strong data-you={state.you?.name}>{state.you?.name}</strong> ({roleNames(state.mode).participant.toLowerCase()}) ·{" "}
          <span className={connected ? "live-on" : "live-off"} role="status">
            {ended ? "ended" : connected ? "live" : "reconnecting…"}
          </span>
        </p>
      </div>
    </div>
  );
}
