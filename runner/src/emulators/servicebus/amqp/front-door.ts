// One TCP port for two protocols, as on a real namespace host: AMQP (starts with "AMQP") goes to the broker,
// TLS (starts with a handshake record, 0x16) goes to the HTTPS management endpoint ServiceBusAdministrationClient calls.
import { createServer, type Server, type Socket } from "node:net";

const TLS_HANDSHAKE = 0x16;

export interface FrontDoorOptions {
  host: string;
  port: number;
  onAmqp(socket: Socket): void;
  /** Absent: TLS clients are disconnected. */
  onTls?(socket: Socket): void;
}

export interface FrontDoor {
  port: number;
  sockets: Set<Socket>;
  close(): Promise<void>;
}

export async function openFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    socket.once("data", (first: Buffer) => {
      // Hand the socket on with its first bytes put back, paused until the new owner reads.
      socket.pause();
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) {
        if (options.onTls) options.onTls(socket);
        else socket.destroy();
      } else {
        options.onAmqp(socket);
        socket.resume();
      }
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    sockets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
