// Hints, one at a time on request, with how many there are.
export interface HintsPanelProps {
  revealed: string[];
  total: number;
  busy: boolean;
  onReveal(): void;
}

export function HintsPanel({ revealed, total, busy, onReveal }: HintsPanelProps) {
  const remaining = total - revealed.length;
  return (
    <section className="hints" aria-labelledby="hints-title">
      <div className="hints-head">
        <h2 id="hints-title" className="panel-title">
          Hints <span className="muted">({revealed.length} of {total} shown)</span>
        </h2>
        <button type="button" onClick={onReveal} disabled={busy || remaining <= 0}>
          {remaining <= 0 ? "No more hints" : revealed.length === 0 ? "Show a hint" : "Show the next hint"}
        </button>
      </div>
      {revealed.length > 0 && (
        <ol className="hint-list" aria-live="polite">
          {revealed.map((hint, i) => (
            <li key={i}>{hint}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
