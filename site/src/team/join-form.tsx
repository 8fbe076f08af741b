// Joining with the link the host shared: choose the name others will see.
import { useState } from "react";
import { joinTeamSession } from "../api/client.js";
import type { JoinedTeamSession } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { Field } from "./field.js";

export function JoinForm({ joinToken, title, onJoined }: { joinToken: string; title?: string; onJoined(joined: JoinedTeamSession): void }) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const join = (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    joinTeamSession(joinToken, name.trim())
      .then(onJoined, setError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="team-panel team-form" onSubmit={join} aria-labelledby="join-form-title">
      <h1 id="join-form-title">{title ? `Join “${title}”` : "Join the team session"}</h1>
      <Field label="Display name">
        {(id) => <input id={id} type="text" value={name} maxLength={40} autoFocus required onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {busy ? "Joining…" : "Join"}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
