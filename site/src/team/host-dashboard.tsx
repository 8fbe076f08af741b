// The host's dashboard, live over the WebSocket: join links, who is in the room, the next round's picker, the
// current round with everyone's progress and results, earlier rounds, the scoreboard; export and end.
import { useState } from "react";
import { endTeamSession, teamExportUrl } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { HostRoundPanel } from "./host-round-panel.js";
import { JoinLinks } from "./join-links.js";
import { roleNames } from "./labels.js";
import { RoundPicker } from "./round-picker.js";
import { ScoreboardTable } from "./scoreboard-table.js";
import { useTeamSession } from "./use-team-session.js";

export function HostDashboard({ token, onLeave }: { token?: string; onLeave(): void }) {
  const session = useTeamSession(token);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { state } = session;

  if (session.error) {
    return (
      <ErrorNotice error={session.error} onRetry={session.reload}>
        <button type="button" onClick={onLeave}>
          Back to start
        </button>
      </ErrorNotice>
    );
  }
  if (!state) return <p className="loading" role="status">Loading the session…</p>;

  const names = roleNames(state.mode);
  const rounds = [...state.rounds].reverse();
  const [current, ...earlier] = rounds;
  const end = () => {
    setError(null);
    endTeamSession(token).then(onLeave, setError);
  };

  return (
    <div className="team-dashboard" data-mode={state.mode} data-connected={session.connected}>
      <div className="team-head">
        <div>
          <h1>{state.title}</h1>
          <p className="muted">
            {state.mode === "pair" ? "Pair interview" : "Group session"} · you are the {names.host.toLowerCase()} ·{" "}
            <span className={session.connected ? "live-on" : "live-off"} role="status">
              {session.ended ? "ended" : session.connected ? "live" : "reconnecting…"}
            </span>
          </p>
        </div>
        <div className="button-row">
          <a className="button" href={teamExportUrl(token)} download>
            Export Markdown
          </a>
          {!confirmEnd ? (
            <button type="button" onClick={() => setConfirmEnd(true)} disabled={session.ended}>
              End session
            </button>
          ) : (
            <>
              <span>End it for everyone?</span>
              <button type="button" className="danger" onClick={end}>
                Yes, end session
              </button>
              <button type="button" onClick={() => setConfirmEnd(false)}>
                Cancel
              </button>
            </>
          )}
        </div>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {session.ended && (
        <div className="banner banner-info" role="status">
          This session has ended. The export above still holds everything.{" "}
          <button type="button" className="link-button" onClick={onLeave}>
            Start another
          </button>
        </div>
      )}
      <div className="team-columns">
        <div className="team-main">
          {current ? (
            <HostRoundPanel
              key={current.id}
              round={current}
              mode={state.mode}
              clockOffsetMs={session.clockOffsetMs}
              receivedAt={session.receivedAt}
              token={token}
              current
            />
          ) : (
            <p className="team-panel muted">No round yet: pick a question or a lab's coding task and start the first round.</p>
          )}
          {earlier.length > 0 && (
            <section className="earlier-rounds" aria-label="Earlier rounds">
              {earlier.map((round) => (
                <details key={round.id}>
                  <summary>
                    Round {round.number} ({round.kind === "lab" ? "coding task" : "question"}, {round.status})
                  </summary>
                  <HostRoundPanel round={round} mode={state.mode} clockOffsetMs={session.clockOffsetMs} receivedAt={session.receivedAt} token={token} current={false} />
                </details>
              ))}
            </section>
          )}
        </div>
        <aside className="team-side">
          {state.joinPath && <JoinLinks joinPath={state.joinPath} joinUrls={state.joinUrls ?? []} participantLabel={names.participant} />}
          <section className="team-panel" aria-labelledby="people-title">
            <h2 id="people-title" className="panel-title">
              {names.participants} ({state.participants.length})
            </h2>
            <ul className="people">
              {state.participants.map((p) => (
                <li key={p.id} data-person={p.name}>
                  {p.name}
                </li>
              ))}
            </ul>
          </section>
          {!session.ended && <RoundPicker token={token} />}
          <ScoreboardTable rows={state.scoreboard} />
        </aside>
      </div>
    </div>
  );
}
