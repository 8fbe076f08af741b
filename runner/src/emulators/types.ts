// The contract every embedded emulator follows (DESIGN.md "Emulators").
export interface RunningEmulator {
  /** Environment a child process needs to reach this emulator, named as Azure samples name it. */
  env: Record<string, string>;
  /** True when nothing was started because the environment already pointed at a service (docker compose, Azure). */
  external: boolean;
  stop(): Promise<void>;
}
