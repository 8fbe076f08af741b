// Starts the emulators a lab needs. Shared emulators (Azurite, Service Bus) start on first use and serve
// every later grade (tests create uniquely named resources); per-grade emulators (the keyless cloud:
// identity and Key Vault, configured by the lab's `cloud` and fresh for each grade, as a lab expects its
// secrets to be) start for one grade and stop after it.
import type { Lab, ServiceId } from "../catalog/index.js";
import { AzlabError } from "../errors.js";
import { EMULATORS, emulatorsFor, type EmulatorId } from "./registry.js";
import type { RunningEmulator } from "./types.js";

export interface AcquiredEmulators {
  env: Record<string, string>;
  /** Stops what was started for this grade alone. */
  release(): Promise<void>;
}

type LabNeeds = Pick<Lab, "services"> & Partial<Pick<Lab, "cloud">>;

export class EmulatorPool {
  private running = new Map<EmulatorId, Promise<RunningEmulator>>();

  private wrapStart(id: EmulatorId, start: Promise<RunningEmulator>): Promise<RunningEmulator> {
    return start.catch((error: unknown) => {
      throw new AzlabError(
        `The ${EMULATORS[id].title} emulator failed to start: ${(error as Error).message}`,
        "Run `azlab emulators` to see the error on its own, or set the service's connection string to use another instance.",
        503,
      );
    });
  }

  start(id: EmulatorId): Promise<RunningEmulator> {
    let emulator = this.running.get(id);
    if (!emulator) {
      emulator = this.wrapStart(id, EMULATORS[id].start());
      emulator.catch(() => this.running.delete(id));
      this.running.set(id, emulator);
    }
    return emulator;
  }

  /** Environment for a child process that uses these services, starting what is not running yet. */
  async acquire(lab: LabNeeds): Promise<AcquiredEmulators> {
    const ids = emulatorsFor(lab.services);
    const own: RunningEmulator[] = [];
    const release = async () => void (await Promise.allSettled(own.map((emulator) => emulator.stop())));
    try {
      const started = await Promise.all(
        ids.map(async (id) => {
          if (!EMULATORS[id].perGrade) return this.start(id);
          const emulator = await this.wrapStart(id, EMULATORS[id].start({ cloud: lab.cloud }));
          own.push(emulator);
          return emulator;
        }),
      );
      return { env: Object.assign({}, ...started.map((emulator) => emulator.env)), release };
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Starts the shared emulators these services need (the server warms them up at start). */
  async warm(services: readonly ServiceId[]): Promise<void> {
    await Promise.all(emulatorsFor(services).filter((id) => !EMULATORS[id].perGrade).map((id) => this.start(id)));
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.allSettled(all.map(async (emulator) => (await emulator).stop()));
  }
}
