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
  const sockets = new Map<WebSocket, { viewer: Viewer; timer?: NodeJS.Timeout }>();

  const push = (socket: WebSocket) => {
    const entry = sockets.get(socket);
    if (!entry || entry.timer) return;
    entry.timer = setTimeout(async () => {
      entry.timer = undefined;
      if (!team.active || socket.readyState !== socket.OPEN) return;
      try {
        socket.send(JSON.stringify({ type: "state", state: await team.view(entry.viewer) }));
      } catch {
        // The session ended between the change and the push; the next change resyncs.
      }
    }, PUSH_DELAY_MS);
  };
  const onChange = () => {
    for (const socket of sockets.keys()) push(socket);
    if (!team.active) for (const socket of sockets.keys()) socket.close(4000, "session ended");
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
      sockets.set(ws, { viewer: caller });
      push(ws);
      ws.on("message", (data) => {
        if (caller.role !== "participant") return;
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
