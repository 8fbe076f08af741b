// Serves the admin API over node:http on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Namespace } from "../core/namespace.js";
import { ApiError, handleAdminRequest } from "./admin-api.js";

const MAX_BODY_BYTES = 1024 * 1024;

export interface AdminServer {
  url: string;
  close(): Promise<void>;
}

export async function startAdminServer(namespace: Namespace, host: string, port = 0): Promise<AdminServer> {
  const server: Server = createServer((req, res) => {
    void serve(namespace, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(namespace: Namespace, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const segments = url.pathname.split("/").filter((s) => s !== "").map(decodeURIComponent);
    const body = await readJson(req);
    const result = handleAdminRequest(namespace, req.method ?? "GET", segments, url.searchParams, body);
    send(res, result.status, result.body);
  } catch (error) {
    if (error instanceof ApiError) {
      send(res, error.status, { error: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) } });
    } else {
      send(res, 500, { error: { code: "InternalError", message: error instanceof Error ? error.message : String(error) } });
    }
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "BodyTooLarge", "The request body is larger than 1 MiB.");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new ApiError(400, "InvalidJson", `The request body is not JSON: ${(error as Error).message}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
}
