// HTTPS on the namespace port for ServiceBusAdministrationClient: TLS with a certificate from azlab's local CA
// (trusted by child processes through NODE_EXTRA_CA_CERTS), SAS-checked requests, ATOM handled by AtomApi.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { Socket } from "node:net";
import { covers, verifySasToken, type SasKey } from "../amqp/sas.js";
import type { Namespace } from "../core/namespace.js";
import { issueServerCertificate, type KeyAndCertificate } from "../../tls/certificates.js";
import { AtomApi } from "./atom-api.js";
import { errorXml } from "./atom-xml.js";

const MAX_BODY_BYTES = 1024 * 1024;

export interface AtomEndpoint {
  /** Give it a TLS socket whose first bytes are still unread. */
  accept(socket: Socket): void;
  close(): void;
}

export function createAtomEndpoint(namespace: Namespace, ca: KeyAndCertificate, keys: SasKey[], host: () => string): AtomEndpoint {
  let server: Server | undefined;
  // The server certificate costs a key pair: made on the first TLS connection, not at start.
  const serverFor = (): Server => {
    if (!server) {
      const cert = issueServerCertificate(ca, ["localhost", "127.0.0.1"]);
      server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
        void serve(new AtomApi(namespace, host()), keys, namespace, req, res);
      });
    }
    return server;
  };
  return {
    accept(socket) {
      serverFor().emit("connection", socket);
    },
    close() {
      server?.closeAllConnections();
    },
  };
}

async function serve(api: AtomApi, keys: SasKey[], namespace: Namespace, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "https://localhost");
  const send = (status: number, body: string) => {
    res.writeHead(status, { "content-type": "application/atom+xml;type=entry;charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
  try {
    const token = String(req.headers.authorization ?? req.headers.servicebusauthorization ?? "");
    const check = verifySasToken(token, keys, namespace.now());
    if (!check.ok) return send(401, errorXml(401, `Unauthorized access. ${check.reason}`));
    const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "").toLowerCase();
    const resource = check.resource.replace(/^[a-z]+:\/\/[^/]+\/?/i, "").replace(/\?.*$/, "").replace(/\/+$/, "").toLowerCase();
    if (!covers(resource, path)) return send(401, errorXml(401, `Unauthorized access. The token for '${check.resource}' does not cover '${path}'.`));
    const body = await readBody(req);
    const result = api.handle(req.method ?? "GET", url, req.headers, body);
    send(result.status, result.body);
  } catch (error) {
    send(500, errorXml(500, error instanceof Error ? error.message : String(error)));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("The request body is larger than 1 MiB.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
