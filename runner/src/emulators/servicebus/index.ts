// The embedded Service Bus emulator: an in-process AMQP broker the unmodified @azure/service-bus SDK talks to,
// configured by Microsoft's emulator Config.json, plus a small admin HTTP API. See README.md.
import { startAmqpServer } from "./amqp/server.js";
import { applyServiceBusConfig } from "./config/apply-config.js";
import { parseServiceBusConfig, readServiceBusConfig } from "./config/parse-config.js";
import type { Limits } from "./core/limits.js";
import { Namespace } from "./core/namespace.js";
import { startAdminServer } from "./management/admin-server.js";
import { createAtomEndpoint, type AtomEndpoint } from "./management/atom-endpoint.js";
import { loadOrCreateCertificateAuthority } from "../tls/ca-store.js";

export { Namespace } from "./core/namespace.js";
export type { Limits } from "./core/limits.js";
export { BrokerError } from "./core/errors.js";
export { parseServiceBusConfig, readServiceBusConfig, ServiceBusConfigError } from "./config/parse-config.js";
export type { ServiceBusConfig } from "./config/config-schema.js";

/** The key Microsoft's emulator accepts, so connection strings written for it work here unchanged. */
export const DEFAULT_KEY_NAME = "RootManageSharedAccessKey";
export const DEFAULT_KEY = "SAS_KEY_VALUE";

export interface ServiceBusEmulatorOptions {
  /** AMQP port; 0 (default) = a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** A parsed Microsoft Config.json object. */
  config?: unknown;
  /** Path of a Microsoft Config.json file (used when `config` is absent). */
  configPath?: string;
  keyName?: string;
  key?: string;
  limits?: Partial<Limits>;
  /** Admin HTTP API port; 0 (default) = a free port. */
  adminPort?: number;
  /**
   * Serve ServiceBusAdministrationClient (HTTPS/ATOM on the AMQP port) with a certificate from azlab's local CA;
   * the client's process must trust it (env NODE_EXTRA_CA_CERTS, returned in `env`). Default true.
   */
  administrationClient?: boolean;
  /** Where the local CA lives (default `<repo>/.azlab/ca`). */
  caDir?: string;
}

export interface RunningServiceBusEmulator {
  env: { SERVICEBUS_CONNECTION_STRING: string; AZLAB_SERVICEBUS_ADMIN_URL: string; NODE_EXTRA_CA_CERTS?: string };
  external: false;
  port: number;
  adminUrl: string;
  connectionString: string;
  namespace: Namespace;
  /** Open AMQP connections (for benchmarks and tests). */
  connectionCount(): number;
  stop(): Promise<void>;
}

export async function start(options: ServiceBusEmulatorOptions = {}): Promise<RunningServiceBusEmulator> {
  const host = options.host ?? "127.0.0.1";
  const keyName = options.keyName ?? DEFAULT_KEY_NAME;
  const key = options.key ?? DEFAULT_KEY;
  // Parse before opening any port: a bad config fails with every problem listed and nothing left running.
  const config =
    options.config !== undefined
      ? parseServiceBusConfig(options.config, "config")
      : options.configPath
        ? await readServiceBusConfig(options.configPath)
        : undefined;
  const namespace = new Namespace({ ...(options.limits ? { limits: options.limits } : {}) });
  if (config) applyServiceBusConfig(namespace, config);

  const keys = [{ name: keyName, key }];
  // The ATOM endpoint names entities by the port, known once the AMQP server listens.
  let amqpPort = 0;
  let atom: AtomEndpoint | undefined;
  let caPath: string | undefined;
  if (options.administrationClient !== false) {
    // Without a writable CA folder the broker still runs; only ServiceBusAdministrationClient is then refused.
    const ca = await loadOrCreateCertificateAuthority(options.caDir).catch(() => undefined);
    if (ca) {
      caPath = ca.certPath;
      atom = createAtomEndpoint(namespace, ca, keys, () => `localhost:${amqpPort}`);
    }
  }
  let amqp;
  try {
    amqp = await startAmqpServer({
      namespace,
      host,
      port: options.port ?? 0,
      keys,
      ...(atom ? { onTls: (socket) => atom.accept(socket) } : {}),
    });
  } catch (error) {
    namespace.close();
    throw error;
  }
  amqpPort = amqp.port;
  let admin;
  try {
    admin = await startAdminServer(namespace, host, options.adminPort ?? 0);
  } catch (error) {
    await amqp.close();
    namespace.close();
    throw error;
  }
  // The SDK reaches the broker by this host name; "localhost" is what Microsoft's emulator documents.
  const connectionString = `Endpoint=sb://localhost:${amqp.port};SharedAccessKeyName=${keyName};SharedAccessKey=${key};UseDevelopmentEmulator=true`;
  let stopped = false;
  return {
    env: {
      SERVICEBUS_CONNECTION_STRING: connectionString,
      AZLAB_SERVICEBUS_ADMIN_URL: admin.url,
      ...(caPath ? { NODE_EXTRA_CA_CERTS: caPath } : {}),
    },
    external: false,
    port: amqp.port,
    adminUrl: admin.url,
    connectionString,
    namespace,
    connectionCount: () => amqp.connectionCount(),
    async stop() {
      if (stopped) return;
      stopped = true;
      namespace.close();
      atom?.close();
      await Promise.all([amqp.close(), admin.close()]);
    },
  };
}
