// "Start team session": a title and a mode. The server allows it only from its own machine and only when no
// session runs; its refusals are shown as they come.
import { useState } from "react";
import { createTeamSession } from "../api/client.js";
import type { CreatedTeamSession, TeamMode } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { Field } from "./field.js";

export function StartSessionForm({ onStarted }: { onStarted(created: CreatedTeamSession): void }) {
  const [title, setTitle] = useState("");
  const [mode, setMode] = useState<TeamMode>("group");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    createTeamSession({ title: title.trim() || undefined, mode })
      .then(onStarted, setError)
      .finally(() => setBusy(false));
  };

  return (
    <form className="team-panel team-form" onSubmit={start} aria-labelledby="start-title">
      <h2 id="start-title" className="panel-title">
        Start team session
      </h2>
      <Field label="Title">
        {(id) => <input id={id} type="text" value={title} maxLength={120} placeholder="Friday interview drill" onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Mode</legend>
        <label>
          <input type="radio" name="mode" value="group" checked={mode === "group"} onChange={() => setMode("group")} /> Group: a host and any number of
          participants answer the same rounds
        </label>
        <label>
          <input type="radio" name="mode" value="pair" checked={mode === "pair"} onChange={() => setMode("pair")} /> Pair interview: you watch one
          candidate's editor live and comment on lines
        </label>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Starting…" : "Start team session"}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
