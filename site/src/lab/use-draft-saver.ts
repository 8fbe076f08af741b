// Saves the editor's text as the lab's draft: shortly after typing stops, and once more when the page is left.
// A failed save is never silent: the status says why, the text stays in the editor and in this browser, and
// saving is retried with backoff until the server takes it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { beaconDraft, saveDraft } from "../api/client.js";
import { UnreachableError, describeError } from "../api/http.js";
import { clearUnsaved, keepUnsaved } from "./unsaved-copy.js";

export type SaveStatus =
  | { kind: "saved"; savedAt: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "offline"; retryAt: number }
  | { kind: "failed"; message: string; hint?: string; retryAt: number };

export interface DraftSaver {
  status: SaveStatus;
  /** Call on every edit. */
  update(source: string): void;
  /** Save now (e.g. before running); `force` saves even unchanged text, to record a new disk mtime. */
  flush(force?: boolean): void;
  /** Forget pending work and treat `source` as saved (after a reset or a load). */
  markSaved(source: string, savedAt: string | null): void;
}

const DEBOUNCE_MS = 600;
const MAX_RETRY_MS = 10_000;

export function useDraftSaver(labId: string, fileMtimeMs: () => number | null, initialSavedAt: string | null): DraftSaver {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", savedAt: initialSavedAt });
  const latest = useRef<string | null>(null);
  const saved = useRef<string | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryDelay = useRef(1000);
  const mtime = useRef(fileMtimeMs);
  mtime.current = fileMtimeMs;

  const save = useCallback(async (force = false): Promise<void> => {
    clearTimeout(timer.current);
    const source = latest.current;
    if (source === null || (source === saved.current && !force)) return;
    if (inFlight.current) return; // the running save re-checks `latest` when it finishes
    inFlight.current = true;
    setStatus({ kind: "saving" });
    try {
      const result = await saveDraft(labId, source, mtime.current());
      saved.current = source;
      retryDelay.current = 1000;
      if (latest.current === source) {
        clearUnsaved(labId);
        setStatus({ kind: "saved", savedAt: result.savedAt });
      }
    } catch (error) {
      const retryAt = Date.now() + retryDelay.current;
      const { message, hint } = describeError(error);
      setStatus(error instanceof UnreachableError ? { kind: "offline", retryAt } : { kind: "failed", message, hint, retryAt });
      timer.current = setTimeout(() => void save(), retryDelay.current);
      retryDelay.current = Math.min(retryDelay.current * 2, MAX_RETRY_MS);
      return;
    } finally {
      inFlight.current = false;
    }
    if (latest.current !== saved.current) timer.current = setTimeout(() => void save(), 0);
  }, [labId]);

  const update = useCallback(
    (source: string) => {
      latest.current = source;
      if (source === saved.current) {
        clearTimeout(timer.current);
        setStatus((s) => (s.kind === "pending" ? { kind: "saved", savedAt: null } : s));
        return;
      }
      keepUnsaved(labId, source);
      setStatus((s) => (s.kind === "offline" || s.kind === "failed" || s.kind === "saving" ? s : { kind: "pending" }));
      // While the server is failing, the retry timer owns the schedule; typing does not hammer it.
      if (inFlight.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [labId, save],
  );

  const markSaved = useCallback((source: string, savedAt: string | null) => {
    clearTimeout(timer.current);
    latest.current = source;
    saved.current = source;
    clearUnsaved(labId);
    setStatus({ kind: "saved", savedAt });
  }, [labId]);

  const flush = useCallback(
    (force = false) => {
      retryDelay.current = 1000;
      void save(force);
    },
    [save],
  );

  // Leaving: the tab closes, the learner navigates away, or the page is hidden (mobile may never come back).
  useEffect(() => {
    const leave = (): void => {
      if (latest.current !== null && latest.current !== saved.current) beaconDraft(labId, latest.current, mtime.current());
    };
    const onVisibility = (): void => {
      if (document.visibilityState === "hidden") leave();
    };
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onVisibility);
      clearTimeout(timer.current);
      leave(); // navigating within the site unmounts the page
    };
  }, [labId]);

  return useMemo(() => ({ status, update, flush, markSaved }), [status, update, flush, markSaved]);
}
