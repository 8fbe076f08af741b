// Which emulator serves which lab service, and how to start each with free ports.
import type { ServiceId } from "../catalog/index.js";
import { startAzurite } from "./azurite.js";
import type { RunningEmulator } from "./types.js";

export type EmulatorId = "azurite";

export interface EmulatorEntry {
  title: string;
  start(options?: { fixedPorts?: boolean }): Promise<RunningEmulator>;
}

export const EMULATORS: Record<EmulatorId, EmulatorEntry> = {
  azurite: {
    title: "Azurite (Blob, Queue, Table)",
    start: ({ fixedPorts = false } = {}) =>
      startAzurite(fixedPorts ? { ports: { blob: 10000, queue: 10001, table: 10002 } } : {}),
  },
};

const SERVICE_EMULATOR: Partial<Record<ServiceId, EmulatorId>> = {
  blob: "azurite",
  queue: "azurite",
  table: "azurite",
};

export function emulatorFor(service: ServiceId): EmulatorId {
  const id = SERVICE_EMULATOR[service];
  if (!id) throw new Error(`No embedded emulator serves "${service}" yet`);
  return id;
}
