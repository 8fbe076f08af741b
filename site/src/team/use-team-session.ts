// The caller's live view of the team session: loaded once over HTTP, then pushed by the server over the
// WebSocket on every change. Reconnects when the connection drops (laptops sleep, Wi-Fi blips); a close with
// code 4000 means the host ended the session.
import { useCallback, useEffect, useRef, useState } from "react";
import { getTeamState, saveTeamDraft, teamSocketUrl } from "../api/client.js";
import type { SessionView, TeamSocketMessage } from "../api/types.js";

export type HostExtras = { joinPath?: string; joinUrls?: string[] };

export interface TeamSession {
  state: (SessionView & HostExtras) | null;
  /** Loading the state failed (bad or expired token, server gone). */
  error: unknown;
  connected: boolean;
  ended: boolean;
  /** Server clock minus this browser's, so timers agree with the server's. */
  clockOffsetMs: number;
  /** When the last state arrived (this browser's clock): "typing" is only as fresh as that. */
  receivedAt: number;
  /** Sends a participant's draft: over the socket when it is open, else over HTTP. */
  sendDraft(code: string): void;
  reload(): void;
}

const SESSION_ENDED = 4000;
const MAX_RECONNECT_MS = 5000;

export function useTeamSession(token: string | undefined): TeamSession {
  const [state, setState] = useState<(SessionView & HostExtras) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connected, setConnected] = useState(false);
  const [ended, setEnded] = useState(false);
  const [clockOffsetMs, setOffset] = useState(0);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);
  const socketRef = useRef<WebSocket | null>(null);
  const joinLinks = useRef<HostExtras>({});
  const sessionId = useRef<string | null>(null);

  const accept = useCallback((next: SessionView & HostExtras) => {
    // A view of another session means this one is over: this tab's token belongs to the old one.
    sessionId.current ??= next.id;
    if (next.id !== sessionId.current) {
      setEnded(true);
      return;
    }
    // Pushes carry the view only; the host's join links come with the HTTP state and stay the same.
    if (next.joinPath) joinLinks.current = { joinPath: next.joinPath, joinUrls: next.joinUrls };
    setState({ ...joinLinks.current, ...next });
    setOffset(Date.parse(next.now) - Date.now());
    setReceivedAt(Date.now());
    if (next.endedAt) setEnded(true);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    getTeamState(token, controller.signal).then(accept, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [token, attempt, accept]);

  useEffect(() => {
    if (ended || error) return;
    let closedByUs = false;
    let retryMs = 500;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const socket = new WebSocket(teamSocketUrl(window.location.origin, token));
      socketRef.current = socket;
      socket.onopen = () => {
        retryMs = 500;
        setConnected(true);
      };
      socket.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as TeamSocketMessage;
        if (message.type === "state") accept(message.state);
      };
      socket.onclose = (event) => {
        setConnected(false);
        if (socketRef.current === socket) socketRef.current = null;
        if (closedByUs) return;
        if (event.code === SESSION_ENDED) {
          setEnded(true);
          return;
        }
        timer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS);
      };
    };
    open();
    return () => {
      closedByUs = true;
      clearTimeout(timer);
      socketRef.current?.close();
      socketRef.current = null;
    };
  }, [token, ended, error, accept]);

  const sendDraft = useCallback(
    (code: string) => {
      const socket = socketRef.current;
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "draft", code }));
      // Not connected: HTTP; if that fails too, the next keystroke or the submit carries the text.
      else void saveTeamDraft(code, token).catch(() => undefined);
    },
    [token],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, error, connected, ended, clockOffsetMs, receivedAt, sendDraft, reload };
}
