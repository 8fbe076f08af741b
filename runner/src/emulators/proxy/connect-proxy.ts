// An HTTP proxy (the kind HTTPS_PROXY points at) that sends CONNECT tunnels for emulated Azure hosts to the
// local emulators, which present certificates from the local CA, and passes every other host through
// untouched. The TLS stays end to end between the SDK and the emulator; the proxy only picks the socket.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";

export interface ProxyRoute {
  /** Host names (without port) this route serves, e.g. /^[a-z0-9-]+\.vault\.azure\.net$/i. */
  host: RegExp;
  /** The local port to tunnel to; may start the emulator on first use. */
  targetPort(): Promise<number>;
}

export interface RunningProxy {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function splitHostPort(authority: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(authority);
  return { host: match?.[1] ?? authority, port: Number(match?.[2] ?? 443) };
}

function refuse(client: Duplex, status: string, message: string): void {
  client.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(message)}\r\nconnection: close\r\n\r\n${message}`);
}

/**
 * `passThrough`: tunnel hosts no route serves to the internet (for a learner's own scripts). Off while
 * grading, so graded code cannot reach the network through the proxy.
 */
export async function startConnectProxy(routes: ProxyRoute[], options: { passThrough?: boolean } = {}): Promise<RunningProxy> {
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex): void => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  const server: Server = createServer((request, response) => {
    if (!options.passThrough) {
      response.writeHead(403, { "content-type": "text/plain" }).end("azlab's proxy serves only the emulated Azure hosts while grading.");
      return;
    }
    // Plain-HTTP proxying (absolute-form URL): forward as is.
    let target: URL;
    try {
      target = new URL(request.url ?? "");
    } catch {
      response.writeHead(400).end("This is a proxy: send absolute URLs or CONNECT.");
      return;
    }
    const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502).end(`Proxy could not reach ${target.host}: ${error.message}`);
      else response.destroy();
    });
    request.pipe(upstream);
  });

  server.on("connection", track);
  server.on("connect", (request: IncomingMessage, client: Duplex, head: Buffer) => {
    const { host, port } = splitHostPort(request.url ?? "");
    const route = routes.find((candidate) => candidate.host.test(host));
    client.on("error", () => client.destroy());
    if (!route && !options.passThrough) {
      refuse(client, "403 Forbidden", `azlab's proxy serves only the emulated Azure hosts while grading; ${host} is not one of them.`);
      return;
    }
    if ("setNoDelay" in client) (client as Socket).setNoDelay(true);
    const open = async (): Promise<Socket> => {
      const targetPort = route ? await route.targetPort() : port;
      // No Nagle delay: each request and answer is a few small writes that must not wait for ACKs.
      return connect({ host: route ? "127.0.0.1" : host, port: targetPort, noDelay: true });
    };
    open()
      .then((upstream) => {
        track(upstream);
        let connected = false;
        upstream.once("connect", () => {
          connected = true;
          client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
          if (head.length > 0) upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on("error", (error) => {
          if (connected) client.destroy();
          else refuse(client, "502 Bad Gateway", `azlab proxy could not reach ${host}:${port}: ${error.message}`);
        });
        client.once("close", () => upstream.destroy());
        upstream.once("close", () => {
          if (connected) client.destroy();
        });
      })
      .catch((error: unknown) => refuse(client, "502 Bad Gateway", `azlab proxy could not start the emulator for ${host}: ${(error as Error).message}`));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
