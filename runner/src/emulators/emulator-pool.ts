// Starts the emulators a lab needs on first use and keeps them for later grades (the server), or until
// stopAll() (the CLI). Labs declare services; several services can share one emulator (Azurite serves
// blob, queue and table).
import type { ServiceId } from "../catalog/index.js";
import { AzlabError } from "../errors.js";
import { EMULATORS, emulatorFor, type EmulatorId } from "./registry.js";
import type { RunningEmulator } from "./types.js";

export class EmulatorPool {
  private running = new Map<EmulatorId, Promise<RunningEmulator>>();

  /** Environment for a child process that uses these services, starting what is not running yet. */
  async envFor(services: readonly ServiceId[]): Promise<Record<string, string>> {
    const ids = [...new Set(services.map(emulatorFor))];
    const started = await Promise.all(ids.map((id) => this.start(id)));
    return Object.assign({}, ...started.map((emulator) => emulator.env));
  }

  start(id: EmulatorId): Promise<RunningEmulator> {
    let emulator = this.running.get(id);
    if (!emulator) {
      emulator = EMULATORS[id].start().catch((error: unknown) => {
        this.running.delete(id);
        throw new AzlabError(
          `The ${EMULATORS[id].title} emulator failed to start: ${(error as Error).message}`,
          "Run `azlab emulators` to see the error on its own, or set the service's connection string to use another instance.",
          503,
        );
      });
      this.running.set(id, emulator);
    }
    return emulator;
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.allSettled(all.map(async (emulator) => (await emulator).stop()));
  }
}
