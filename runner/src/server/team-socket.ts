// /api/team/ws: pushes each caller's view of the session whenever it changes (who joined, who is typing,
// submissions, grading progress, results, time left), and takes participants' drafts as they type.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyInstance } from "fastify";
import { WebSocketServer, type WebSocket } from "ws";
import type { TeamService } from "../team/team-service.js";
import type { Viewer } from "../team/session-view.js";
import { tokenOf } from "./team-auth.js";

/** Coalesces bursts of changes (many keystrokes) into one push per socket. */
const PUSH_DELAY_MS = 25;

export function installTeamSocket(app: FastifyInstance, team: TeamService): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  // Each socket belongs to the session it was opened in; when that session ends, the socket is closed, so a
  // browser left open never sees (or writes into) the next session.
  const sockets = new Map<WebSocket, { viewer: Viewer; sessionId: string; timer?: NodeJS.Timeout }>();
  const current = (entry: { sessionId: string }) => team.active?.id === entry.sessionId;

  const push = (socket: WebSocket) => {
    const entry = sockets.get(socket);
    if (!entry || entry.timer) return;
    entry.timer = setTimeout(async () => {
      entry.timer = undefined;
      if (socket.readyState !== socket.OPEN) return;
      if (!current(entry)) return socket.close(4000, "session ended");
      try {
        socket.send(JSON.stringify({ type: "state", state: await team.view(entry.viewer) }));
      } catch {
        // The session ended between the change and the push; the next change resyncs.
      }
    }, PUSH_DELAY_MS);
  };
  const onChange = () => {
    for (const [socket, entry] of sockets) {
      if (current(entry)) push(socket);
      else socket.close(4000, "session ended");
    }
  };
  team.on("change", onChange);

  const refuse = (socket: Duplex, status: number, message: string) => {
    socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!request.url?.startsWith("/api/team/ws")) return refuse(socket, 404, "Not Found");
    const caller = team.identify(tokenOf({ headers: request.headers, url: request.url }));
    if (!caller || caller.role === "joiner") return refuse(socket, 401, "Unauthorized");
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.set(ws, { viewer: caller, sessionId: team.active!.id });
      push(ws);
      ws.on("message", (data) => {
        const entry = sockets.get(ws);
        if (caller.role !== "participant" || !entry || !current(entry)) return;
        try {
          const message = JSON.parse(String(data)) as { type?: string; code?: unknown };
          if (message.type === "draft" && typeof message.code === "string") void team.saveDraft(caller.participant, message.code).catch(() => undefined);
        } catch {
          // Ignore what is not JSON.
        }
      });
      ws.on("close", () => {
        clearTimeout(sockets.get(ws)?.timer);
        sockets.delete(ws);
      });
    });
  };
  app.server.on("upgrade", onUpgrade);
  app.addHook("onClose", async () => {
    team.off("change", onChange);
    app.server.off("upgrade", onUpgrade);
    for (const socket of sockets.keys()) socket.terminate();
    wss.close();
  });
}
