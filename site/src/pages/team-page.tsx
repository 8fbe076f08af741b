// /team: "Start team session", or the host's dashboard when this tab holds the host token. /team?t=<hostToken>
// (the link `azlab serve --team` prints) opens the dashboard directly: the token moves to sessionStorage and
// out of the address bar.
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { getTeamInfo } from "../api/client.js";
import { ApiError } from "../api/http.js";
import type { TeamInfo } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { HostDashboard } from "../team/host-dashboard.js";
import { StartSessionForm } from "../team/start-session-form.js";
import { forgetToken, readToken, storeToken } from "../team/team-token.js";

export default function TeamPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const fromLink = params.get("t") ?? undefined;
  const [token, setToken] = useState<string | undefined>(() => fromLink ?? readToken("host"));
  const [info, setInfo] = useState<TeamInfo | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!fromLink) return;
    storeToken("host", fromLink);
    setToken(fromLink);
    navigate("/team", { replace: true });
  }, [fromLink, navigate]);

  const load = useCallback(() => {
    const controller = new AbortController();
    setError(null);
    getTeamInfo(token, controller.signal).then(setInfo, (e: unknown) => {
      if (controller.signal.aborted) return;
      // A saved token from an earlier session: forget it and ask again with the browser's cookie.
      if (e instanceof ApiError && e.status === 401 && token) {
        forgetToken("host");
        setToken(undefined);
        return;
      }
      setError(e);
    });
    return () => controller.abort();
  }, [token]);
  useEffect(load, [load]);

  useEffect(() => {
    document.title = "Team session · azlab";
  }, []);

  const leave = useCallback(() => {
    forgetToken("host");
    setToken(undefined);
    setInfo(null);
    load();
  }, [load]);

  if (error) {
    const running = error instanceof ApiError && error.status === 401;
    return (
      <section className="page narrow">
        <h1>Team session</h1>
        {running ? (
          <p>A team session is running on this azlab server. To take part, open the join link the host shared; to host it, open the host link `azlab serve --team` printed.</p>
        ) : (
          <ErrorNotice error={error} onRetry={load} />
        )}
      </section>
    );
  }
  if (!info) return <p className="loading" role="status">Loading…</p>;

  if (info.active && info.role === "host") {
    return (
      <section className="page team-page">
        <HostDashboard token={token} onLeave={leave} />
      </section>
    );
  }
  if (info.active) {
    return (
      <section className="page narrow">
        <h1>{info.title}</h1>
        <p>
          A team session is running here and you are {info.role === "participant" ? "one of its participants" : "not its host"}.{" "}
          <Link to="/team/join">Go to the session</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow team-page">
      <h1>Team session</h1>
      <p className="muted">
        Run a mock interview or a drill on your network: participants open a link on their laptops, answer questions from the bank or solve a
        lab's coding task against the clock, and their code is graded here in the sandbox. Nothing of one participant is shown to another.
      </p>
      <StartSessionForm
        onStarted={(created) => {
          storeToken("host", created.hostToken);
          setToken(created.hostToken);
          setInfo({ active: true, title: created.view.title, mode: created.view.mode, role: "host", participants: 0 });
        }}
      />
    </section>
  );
}
