// Which emulator serves which lab service, and how to start each: free ports by default, the documented
// default ports for `azlab emulators`. An emulator whose connection variable is already set is not started:
// labs then run against docker compose or a real Azure resource unchanged. Modules load on first use, so a
// command that needs only storage never loads the AMQP stack.
import type { ServiceId } from "../catalog/index.js";
import type { CloudLabConfig } from "./cloud-lab-config.js";
import type { RunningEmulator } from "./types.js";

export type EmulatorId = "azurite" | "servicebus" | "cloud";

export interface EmulatorStartOptions {
  fixedPorts?: boolean;
  /** A Microsoft-format Service Bus Config.json to load. */
  serviceBusConfigPath?: string;
  /** The keyless cloud's vaults, accounts, identities and roles. */
  cloud?: CloudLabConfig;
}

export interface EmulatorEntry {
  title: string;
  /** Started fresh for each grade (state a lab expects to be empty) rather than shared. */
  perGrade: boolean;
  start(options?: EmulatorStartOptions): Promise<RunningEmulator>;
}

const external = (env: Record<string, string>): RunningEmulator => ({ env, external: true, stop: async () => {} });

export const EMULATORS: Record<EmulatorId, EmulatorEntry> = {
  azurite: {
    title: "Azurite (Blob, Queue, Table)",
    perGrade: false,
    async start({ fixedPorts = false } = {}) {
      const { startAzurite } = await import("./azurite.js");
      return startAzurite(fixedPorts ? { ports: { blob: 10000, queue: 10001, table: 10002 } } : {});
    },
  },
  servicebus: {
    title: "Service Bus",
    perGrade: false,
    async start({ fixedPorts = false, serviceBusConfigPath } = {}) {
      const existing = process.env.SERVICEBUS_CONNECTION_STRING;
      if (existing) return external({ SERVICEBUS_CONNECTION_STRING: existing });
      const { start } = await import("./servicebus/index.js");
      const emulator = await start({ ...(fixedPorts ? { port: 5672, adminPort: 5300 } : {}), configPath: serviceBusConfigPath });
      return { env: { ...emulator.env }, external: false, stop: () => emulator.stop() };
    },
  },
  cloud: {
    title: "Managed identity and Key Vault",
    perGrade: true,
    async start({ cloud, fixedPorts = false } = {}) {
      const { start } = await import("./identity-keyvault.js");
      // For a learner's own scripts (azlab emulators) other hosts pass through the proxy; never while grading.
      return start({ ...cloud, passThrough: fixedPorts });
    },
  },
};

const SERVICE_EMULATOR: Record<ServiceId, EmulatorId> = {
  blob: "azurite",
  queue: "azurite",
  table: "azurite",
  servicebus: "servicebus",
  identity: "cloud",
  keyvault: "cloud",
};

/** The emulators these services need, each once. */
export function emulatorsFor(services: readonly ServiceId[]): EmulatorId[] {
  return [...new Set(services.map((service) => SERVICE_EMULATOR[service]))];
}
