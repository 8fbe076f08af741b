// Running the tests: one run at a time, a live elapsed time, and the report or the reason there is none.
import { useCallback, useEffect, useRef, useState } from "react";
import { gradeLab } from "../api/client.js";
import type { Report } from "../api/types.js";

/** The server refuses bodies over 512 KiB; say so before sending. */
export const MAX_SOURCE_BYTES = 512 * 1024;

export interface Grader {
  report: Report | null;
  running: boolean;
  elapsedMs: number;
  error: unknown;
  run(source: string): void;
}

export function useGrader(labId: string, initial: Report | null): Grader {
  const [report, setReport] = useState<Report | null>(initial);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [elapsedMs, setElapsed] = useState(0);
  const busy = useRef(false);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const id = setInterval(() => setElapsed(Date.now() - started), 250);
    return () => clearInterval(id);
  }, [running]);

  const run = useCallback(
    (source: string) => {
      if (busy.current) return;
      const bytes = new TextEncoder().encode(source).byteLength;
      if (bytes > MAX_SOURCE_BYTES) {
        setError(new Error(`exercise.ts is ${Math.round(bytes / 1024)} KiB; the grader accepts up to 512 KiB. Remove the pasted bulk and run again.`));
        return;
      }
      busy.current = true;
      setRunning(true);
      setError(null);
      gradeLab(labId, source)
        .then(setReport, setError)
        .finally(() => {
          busy.current = false;
          setRunning(false);
        });
    },
    [labId],
  );

  return { report, running, elapsedMs, error, run };
}
