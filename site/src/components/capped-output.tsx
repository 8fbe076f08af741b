// Long output shown in slices so thousands of lines never freeze the page; the rest on request.
import { useMemo, useState } from "react";

const STEP = 400;

export function CappedOutput({ text, label }: { text: string; label: string }) {
  const lines = useMemo(() => text.split("\n"), [text]);
  const [shown, setShown] = useState(STEP);
  const hidden = lines.length - shown;
  return (
    <div className="capped-output">
      <pre aria-label={label} tabIndex={0}>
        {lines.slice(0, shown).join("\n")}
      </pre>
      {hidden > 0 && (
        <button type="button" className="link-button" onClick={() => setShown((n) => n + STEP * 5)}>
          Show {Math.min(hidden, STEP * 5)} more of {hidden} hidden lines
        </button>
      )}
    </div>
  );
}
