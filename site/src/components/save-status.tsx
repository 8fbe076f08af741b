// Where the draft stands, always visible; and a banner when the server cannot be reached or refuses a save.
import { useEffect, useState } from "react";
import type { SaveStatus } from "../lab/use-draft-saver.js";

function secondsUntil(at: number): number {
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.kind === "saved"
      ? status.savedAt
        ? `Draft saved ${new Date(status.savedAt).toLocaleTimeString()}`
        : "Draft saved"
      : status.kind === "pending"
        ? "Unsaved changes…"
        : status.kind === "saving"
          ? "Saving…"
          : status.kind === "offline"
            ? "Not saved: server unreachable"
            : "Not saved: save failed";
  return (
    <span className={`save-indicator save-${status.kind}`} data-save-status={status.kind} role="status">
      {text}
    </span>
  );
}

export function SaveBanner({ status, onRetry }: { status: SaveStatus; onRetry(): void }) {
  const [, tick] = useState(0);
  const retrying = status.kind === "offline" || status.kind === "failed";
  useEffect(() => {
    if (!retrying) return;
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [retrying]);
  if (!retrying) return null;
  const wait = secondsUntil(status.retryAt);
  return (
    <div className="banner banner-warning" role="alert">
      {status.kind === "offline" ? (
        <p>
          <strong>The azlab server is not reachable.</strong> Keep typing: your code stays in this editor and in this
          browser, and is saved as soon as the server is back (is <code>npm start</code> still running?).
        </p>
      ) : (
        <p>
          <strong>Your draft was not saved:</strong> {status.message} {status.hint}
        </p>
      )}
      <p>
        {wait > 0 ? `Retrying in ${wait} s.` : "Retrying…"}{" "}
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      </p>
    </div>
  );
}
