// Azurite (blob, queue, table) started in-process from its npm package, in memory, on free ports.
// The package's main entry is the VS Code extension, so the server classes are loaded by deep import.
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { RunningEmulator } from "./types.js";

const require = createRequire(import.meta.url);

/** The well-known development account every Azure SDK and tool accepts for emulators. */
export const DEV_ACCOUNT = "devstoreaccount1";
export const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export type AzuriteService = "blob" | "queue" | "table";

export interface AzuriteOptions {
  services?: AzuriteService[];
  host?: string;
  /** Fixed ports (azlab emulators); 0 or absent = a free port. */
  ports?: Partial<Record<AzuriteService, number>>;
  /** Use this connection string instead of starting anything (default: process.env.AZURE_STORAGE_CONNECTION_STRING). */
  connectionString?: string | null;
}

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  httpServer: { address(): AddressInfo | string | null };
}

interface AzuriteModules {
  blob: { Server: new (config: unknown) => AzuriteServer; Config: new (...args: unknown[]) => unknown };
  queue: { Server: new (config: unknown) => AzuriteServer; Config: new (...args: unknown[]) => unknown };
  table: { Server: new (config: unknown) => AzuriteServer; Config: new (...args: unknown[]) => unknown };
}

let modules: AzuriteModules | undefined;

/** Loading Azurite's classes costs ~0.5 s once per process; starting a server afterwards is fast. */
export function loadAzurite(): AzuriteModules {
  if (modules) return modules;
  const base = "azurite/dist/src";
  const load = (service: string, server: string, config: string) => ({
    Server: require(`${base}/${service}/${server}`).default,
    Config: require(`${base}/${service}/${config}`).default,
  });
  modules = {
    blob: load("blob", "BlobServer", "BlobConfiguration"),
    queue: load("queue", "QueueServer", "QueueConfiguration"),
    table: load("table", "TableServer", "TableConfiguration"),
  };
  return modules;
}

function makeConfig(service: AzuriteService, host: string, port: number, location: string): unknown {
  const { Config } = loadAzurite()[service];
  const db = (name: string) => join(location, name);
  // Positional constructor arguments as in azurite 3.35's *Configuration classes:
  // host, port, keepAliveTimeout, metadataDB, [extentDB, persistence,] accessLog..., loose, skipApiVersionCheck,
  // cert, key, pwd, oauth, disableProductStyleUrl, inMemoryPersistence.
  const keepAlive = 5;
  if (service === "table") {
    // table: host, port, keepAlive, metadataDBPath, enableDebugLog, enableAccessLog, accessLogWriteStream,
    // debugLogFilePath, loose, skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, isMemoryPersistence
    return new Config(host, port, keepAlive, db("table.json"), false, false, undefined, undefined, false, true, "", "", "", undefined, false, true);
  }
  const persistence = [{ locationId: "Default", locationPath: join(location, service), maxConcurrency: 1 }];
  return new Config(host, port, keepAlive, db(`${service}.json`), db(`${service}-extent.json`), persistence, false, undefined, false, undefined, false, true, "", "", "", undefined, false, true);
}

export function storageConnectionString(host: string, ports: Partial<Record<AzuriteService, number>>): string {
  const endpoint = (service: AzuriteService, key: string) =>
    ports[service] ? `${key}=http://${host}:${ports[service]}/${DEV_ACCOUNT};` : "";
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    endpoint("blob", "BlobEndpoint") +
    endpoint("queue", "QueueEndpoint") +
    endpoint("table", "TableEndpoint")
  );
}

export interface RunningAzurite extends RunningEmulator {
  ports: Partial<Record<AzuriteService, number>>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const existing = options.connectionString === undefined ? process.env.AZURE_STORAGE_CONNECTION_STRING : options.connectionString;
  if (existing) {
    return { env: { AZURE_STORAGE_CONNECTION_STRING: existing }, external: true, ports: {}, stop: async () => {} };
  }
  const services = options.services ?? ["blob", "queue", "table"];
  const host = options.host ?? "127.0.0.1";
  // Azurite wants a location even in memory (its Loki databases are named after files that are never written).
  const location = await mkdtemp(join(tmpdir(), "azlab-azurite-"));
  const started: AzuriteServer[] = [];
  const ports: Partial<Record<AzuriteService, number>> = {};
  try {
    for (const service of services) {
      const server = new (loadAzurite()[service].Server)(makeConfig(service, host, options.ports?.[service] ?? 0, location));
      await server.start();
      started.push(server);
      const address = server.httpServer.address();
      ports[service] = typeof address === "object" && address ? address.port : 0;
    }
  } catch (error) {
    await Promise.allSettled(started.map((server) => server.close()));
    await rm(location, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw Object.assign(new Error(`Azurite could not listen: ${(error as Error).message}`), { code });
    }
    throw error;
  }
  const connectionString = storageConnectionString(host, ports);
  const env: Record<string, string> = { AZURE_STORAGE_CONNECTION_STRING: connectionString };
  for (const service of services) env[`AZURE_STORAGE_${service.toUpperCase()}_ENDPOINT`] = `http://${host}:${ports[service]}/${DEV_ACCOUNT}`;
  return {
    env,
    external: false,
    ports,
    async stop() {
      await Promise.allSettled(started.map((server) => server.close()));
      await rm(location, { recursive: true, force: true });
    },
  };
}
