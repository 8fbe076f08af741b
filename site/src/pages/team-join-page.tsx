// /team/join?t=<joinToken>: choose a display name, then the participant's room. The join token moves to
// sessionStorage and out of the address bar; after joining, this tab keeps the participant's own token, so a
// reload comes back to the room with the code as the server last saved it.
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { getTeamInfo } from "../api/client.js";
import { JoinForm } from "../team/join-form.js";
import { ParticipantRoom } from "../team/participant-room.js";
import { forgetToken, readToken, storeToken } from "../team/team-token.js";

export default function TeamJoinPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const fromLink = params.get("t") ?? undefined;
  const [joinToken, setJoinToken] = useState<string | undefined>(() => fromLink ?? readToken("join"));
  const [token, setToken] = useState<string | undefined>(() => readToken("participant"));
  const [title, setTitle] = useState<string | undefined>();
  const [running, setRunning] = useState(true);

  useEffect(() => {
    if (!fromLink) return;
    storeToken("join", fromLink);
    setJoinToken(fromLink);
    navigate("/team/join", { replace: true });
  }, [fromLink, navigate]);

  useEffect(() => {
    document.title = title ? `${title} · azlab` : "Team session · azlab";
  }, [title]);

  useEffect(() => {
    if (token || !joinToken) return;
    const controller = new AbortController();
    getTeamInfo(joinToken, controller.signal).then(
      (info) => {
        setTitle(info.active ? info.title : undefined);
        setRunning(info.active);
      },
      () => undefined, // the form's own request will say what is wrong
    );
    return () => controller.abort();
  }, [token, joinToken]);

  const lost = useCallback(() => {
    forgetToken("participant");
    setToken(undefined);
  }, []);

  if (token) {
    return (
      <section className="page team-page">
        <ParticipantRoom token={token} onLost={lost} />
      </section>
    );
  }
  if (joinToken && !running) {
    return (
      <section className="page narrow">
        <h1>Team session</h1>
        <p role="status">This team session has ended, or the link belongs to an earlier one. Ask the host for the current join link.</p>
      </section>
    );
  }
  if (joinToken) {
    return (
      <section className="page narrow">
        <JoinForm
          joinToken={joinToken}
          title={title}
          onJoined={(joined) => {
            storeToken("participant", joined.token);
            setToken(joined.token);
          }}
        />
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>Join a team session</h1>
      <p>Open the join link the host shared: it carries the session's token.</p>
    </section>
  );
}
