// An error as the learner should read it: what went wrong, what to do next, and an optional retry.
import { describeError } from "../api/http.js";

export function ErrorNotice({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: React.ReactNode }) {
  const { message, hint } = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{message}</p>
      {hint && <p>{hint}</p>}
      {children}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
