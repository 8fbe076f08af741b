// startServer(): the workbench's HTTP server on 127.0.0.1 (DESIGN.md "Server").
import type { FastifyInstance } from "fastify";
import { AzlabError } from "../errors.js";
import { repoPaths } from "../repo-paths.js";
import { Workbench } from "../workbench/index.js";
import { buildApp } from "./app.js";

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
  logger?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  workbench: Workbench;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4280;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const paths = repoPaths(options.repoRoot, { labsDir: options.labsDir, azlabDir: options.azlabDir });
  const workbench = await Workbench.open(paths);
  const app = await buildApp({ workbench, siteDist: options.siteDist, logger: options.logger });
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_PORT;
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
  const actualPort = typeof address === "object" && address ? address.port : port;
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
