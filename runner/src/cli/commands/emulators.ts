import { EMULATORS, type EmulatorId } from "../../emulators/registry.js";
import type { RunningEmulator } from "../../emulators/types.js";
import { AzlabError } from "../../errors.js";
import { colors as c, spinner } from "../output.js";

export interface EmulatorsOptions {
  json?: boolean;
  /** Stop right after printing (used by tests and scripts). */
  once?: boolean;
  /** Free ports instead of the fixed defaults (when the defaults are taken). */
  freePorts?: boolean;
  /** A Microsoft-format Service Bus Config.json (the one used with docker compose). */
  servicebusConfig?: string;
  /** Key Vault names besides `myvault`. */
  vault?: string[];
  /** Storage account names besides `mystorage` (served keyless at <name>.blob.core.windows.net). */
  storageAccount?: string[];
}

/** Starts every embedded emulator on its fixed default port, prints the env, and stays up until Ctrl-C. */
export async function emulatorsCommand(options: EmulatorsOptions): Promise<number> {
  const progress = options.json ? undefined : spinner("Starting emulators").start();
  const running: RunningEmulator[] = [];
  const stopAll = () => Promise.allSettled(running.map((emulator) => emulator.stop()));
  try {
    for (const [id, entry] of Object.entries(EMULATORS) as [EmulatorId, (typeof EMULATORS)[EmulatorId]][]) {
      try {
        running.push(
          await entry.start({
            fixedPorts: !options.freePorts,
            serviceBusConfigPath: options.servicebusConfig,
            cloud: { vaults: ["myvault", ...(options.vault ?? [])], storageAccounts: ["mystorage", ...(options.storageAccount ?? [])] },
          }),
        );
      } catch (error) {
        const message = (error as Error).message;
        const port = /:(\d+)$|port (\d+)|EADDRINUSE.*?:(\d+)/.exec(message);
        throw new AzlabError(
          `${entry.title} could not start: ${message}`,
          port
            ? `Another program uses that port (often another emulator: \`ss -ltnp | grep ${port[1] ?? port[2] ?? port[3]}\`). Stop it, use \`azlab emulators --free-ports\`, or point azlab at it by setting its connection string.`
            : `Run with --debug for details.`,
        );
      }
    }
  } catch (error) {
    progress?.stop();
    await stopAll();
    throw error;
  }
  progress?.stop();
  const env = Object.assign({}, ...running.map((emulator) => emulator.env)) as Record<string, string>;
  if (options.json) console.log(JSON.stringify(env));
  else {
    console.log(c.bold("Emulators are running. Use these in your shell or .env file:\n"));
    for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);
    console.log(c.dim("\nPress Ctrl-C to stop."));
  }
  if (options.once) {
    await stopAll();
    return 0;
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await stopAll();
  return 0;
}
