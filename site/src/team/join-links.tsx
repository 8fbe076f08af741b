// The links participants open: this machine's address, and the LAN addresses when the server listens on the
// network (azlab serve --host 0.0.0.0 --team). Each can be copied; on plain http (no clipboard API outside
// secure contexts) the field is selected for Ctrl+C.
import { useRef, useState } from "react";

function CopyableLink({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    input.current?.select();
    const done = () => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    };
    if (navigator.clipboard && window.isSecureContext) void navigator.clipboard.writeText(url).then(done, () => undefined);
    else if (document.execCommand("copy")) done();
  };
  return (
    <div className="join-link">
      <input ref={input} type="text" readOnly value={url} aria-label="Join link" onFocus={(e) => e.target.select()} />
      <button type="button" onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

export function JoinLinks({ joinPath, joinUrls, participantLabel }: { joinPath: string; joinUrls: string[]; participantLabel: string }) {
  const here = `${window.location.origin}${joinPath}`;
  const urls = [...new Set([here, ...joinUrls])];
  return (
    <section className="team-panel join-links" aria-labelledby="join-title">
      <h2 id="join-title" className="panel-title">
        Join link
      </h2>
      <p className="muted">Share it with each {participantLabel.toLowerCase()}: they open it and choose a display name.</p>
      {urls.map((url) => (
        <CopyableLink key={url} url={url} />
      ))}
    </section>
  );
}
