// One API read for a page: the data, the error to show, and a reload (the "Try again" of ErrorNotice).
// A newer load or unmounting aborts the older request, so a slow answer never overwrites a newer one.
import { useCallback, useEffect, useState } from "react";

export interface ApiState<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // The caller lists what `load` depends on, as with useCallback.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    stableLoad(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setData(value);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [stableLoad, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload };
}
