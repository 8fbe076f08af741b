// Which emulator serves which lab service, and how to start each: free ports by default, the documented
// default ports for `azlab emulators`. An emulator whose connection variable is already set is not started:
// labs then run against docker compose or a real Azure resource unchanged. Modules load on first use, so a
// command that needs only storage never loads the AMQP stack.
import type { ServiceId } from "../catalog/index.js";
import type { RunningEmulator } from "./types.js";

export type EmulatorId = "azurite" | "servicebus";

export interface EmulatorStartOptions {
  fixedPorts?: boolean;
  /** A Microsoft-format Service Bus Config.json to load. */
  serviceBusConfigPath?: string;
}

export interface EmulatorEntry {
  title: string;
  start(options?: EmulatorStartOptions): Promise<RunningEmulator>;
}

const external = (env: Record<string, string>): RunningEmulator => ({ env, external: true, stop: async () => {} });

export const EMULATORS: Record<EmulatorId, EmulatorEntry> = {
  azurite: {
    title: "Azurite (Blob, Queue, Table)",
    async start({ fixedPorts = false } = {}) {
      const { startAzurite } = await import("./azurite.js");
      return startAzurite(fixedPorts ? { ports: { blob: 10000, queue: 10001, table: 10002 } } : {});
    },
  },
  servicebus: {
    title: "Service Bus",
    async start({ fixedPorts = false, serviceBusConfigPath } = {}) {
      const existing = process.env.SERVICEBUS_CONNECTION_STRING;
      if (existing) return external({ SERVICEBUS_CONNECTION_STRING: existing });
      const { start } = await import("./servicebus/index.js");
      const emulator = await start({ ...(fixedPorts ? { port: 5672, adminPort: 5300 } : {}), configPath: serviceBusConfigPath });
      return { env: { ...emulator.env }, external: false, stop: () => emulator.stop() };
    },
  },
};

const SERVICE_EMULATOR: Partial<Record<ServiceId, EmulatorId>> = {
  blob: "azurite",
  queue: "azurite",
  table: "azurite",
  servicebus: "servicebus",
};

export function emulatorFor(service: ServiceId): EmulatorId {
  const id = SERVICE_EMULATOR[service];
  if (!id) throw new Error(`No embedded emulator serves "${service}" yet`);
  return id;
}
