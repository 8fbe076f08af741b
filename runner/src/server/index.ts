// startServer(): the workbench's HTTP server on 127.0.0.1 (DESIGN.md "Server").
import { networkInterfaces } from "node:os";
import type { FastifyInstance } from "fastify";
import { AzlabError } from "../errors.js";
import { repoPaths } from "../repo-paths.js";
import { Workbench } from "../workbench/index.js";
import { buildApp } from "./app.js";
import type { PracticeService } from "../practice/index.js";

export { buildApp } from "./app.js";
export type * from "./api-types.js";

export interface ServerOptions {
  repoRoot?: string;
  labsDir?: string;
  azlabDir?: string;
  siteDist?: string;
  host?: string;
  /** 0 = a free port. Default 4280. */
  port?: number;
  /** Start the emulators every lab needs before listening, so the first Run is fast. */
  warmEmulators?: boolean;
  /** Interview practice (tests pass one with a controlled clock). */
  practice?: PracticeService;
  /** Start a team session at once (azlab serve --team). */
  team?: { title?: string; mode?: "group" | "pair" };
  logger?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  workbench: Workbench;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4280;

export const isLoopbackHost = (host: string) => host === "127.0.0.1" || host === "localhost" || host === "::1";

/** The addresses others on the network can open: the machine's non-internal IPv4 addresses. */
export function lanUrls(host: string, port: number): string[] {
  if (host !== "0.0.0.0" && host !== "::") return [`http://${host}:${port}`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === "IPv4" && !entry.internal)
    .map((entry) => `http://${entry!.address}:${port}`);
  return addresses.length > 0 ? addresses : [`http://127.0.0.1:${port}`];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const paths = repoPaths(options.repoRoot, { labsDir: options.labsDir, azlabDir: options.azlabDir });
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_PORT;
  if (!isLoopbackHost(host) && !options.team) {
    throw new AzlabError(
      `Listening on ${host} would open your progress and files to the network`,
      "Other machines may connect only to a team session, where every request needs its token: add --team.",
    );
  }
  const workbench = await Workbench.open(paths);
  let actualPort = port;
  const app = await buildApp({
    workbench,
    siteDist: options.siteDist,
    logger: options.logger,
    practice: options.practice,
    publicUrls: () => (isLoopbackHost(host) ? [`http://${host === "::1" ? "[::1]" : host}:${actualPort}`] : lanUrls(host, actualPort)),
  });
  try {
    await app.listen({ host, port });
  } catch (error) {
    await workbench.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new AzlabError(`Port ${port} on ${host} is already in use`, `Another azlab may be running; stop it, or pick another port: \`azlab serve --port ${port + 1}\`.`);
    }
    throw error;
  }
  if (options.warmEmulators) {
    const services = [...new Set(workbench.catalog.labs.flatMap((lab) => lab.services))];
    await workbench.emulators.warm(services);
  }
  const address = app.server.address();
  actualPort = typeof address === "object" && address ? address.port : port;
  if (options.team && !app.team.active) await app.team.create(options.team);
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    app,
    workbench,
    async close() {
      await app.close();
      await workbench.close();
    },
  };
}
