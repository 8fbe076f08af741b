// Sends what a participant types shortly after each pause, so the host sees progress live and a reload finds
// the text on the server; and once more when the page is hidden or the round view goes away.
import { useCallback, useEffect, useRef } from "react";

const DEBOUNCE_MS = 300;

export interface DraftSender {
  update(text: string): void;
  flush(): void;
}

export function useDraftSender(send: (text: string) => void, enabled: boolean): DraftSender {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sendRef = useRef(send);
  sendRef.current = send;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const text = pending.current;
    pending.current = null;
    // A closed round takes no drafts; the server would refuse them.
    if (text !== null && enabledRef.current) sendRef.current(text);
  }, []);

  const update = useCallback(
    (text: string) => {
      pending.current = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flush();
    };
  }, [flush]);

  return { update, flush };
}
