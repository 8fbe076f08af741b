// The grading child's file-system sandbox, with Node's permission model: the vitest process and the fork
// that runs the learner's code may read only the grading folder, the installed packages and the reporter,
// and write only the grading folder. A read of the reference solution, hidden tests, .azlab/ or another
// learner's folder fails with ERR_ACCESS_DENIED, whatever path the code uses.
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface SandboxPaths {
  workspaceDir: string;
  /** Files of the grading folder the learner's process may read (not the hidden tests' subfolder). */
  visibleFiles: string[];
  nodeModulesDir: string;
  reporterFile: string;
  extraReadable: string[];
  /** Confine connections to the emulators' loopback ports (off when the tests use a real Azure resource). */
  networkGuard: boolean;
}

function readable(paths: SandboxPaths): string[] {
  const real = (path: string) => realpathSync(path);
  const workspace = real(paths.workspaceDir);
  return [
    // Its visible files and its scratch folder, one by one: allowing the folder would allow hidden/ too.
    ...paths.visibleFiles.map((file) => join(workspace, file)),
    join(workspace, "tmp"),
    // Packages are reached through the folder's node_modules link and at their real path.
    join(workspace, "node_modules"),
    real(paths.nodeModulesDir),
    dirname(real(paths.reporterFile)),
    ...paths.extraReadable.map(real),
  ];
}

const networkGuard = fileURLToPath(new URL("./network-guard.mjs", import.meta.url));

/** Loopback ports named in the emulators' environment (URLs, connection strings): the only ones tests may reach. */
export function emulatorPorts(env: Record<string, string>): number[] {
  const ports = new Set<number>();
  for (const value of Object.values(env)) {
    for (const match of value.matchAll(/(?:127\.0\.0\.1|localhost|\[::1\]):(\d{2,5})/g)) ports.add(Number(match[1]));
  }
  return [...ports].sort((a, b) => a - b);
}

/**
 * True when the environment names a service outside this machine (a real storage account or namespace set
 * by the learner): their own tests may then reach it, and the network guard stays off.
 */
export function usesRemoteService(env: Record<string, string>): boolean {
  // Behind azlab's own proxy (loopback), https hosts such as myvault.vault.azure.net are emulated locally.
  const localProxy = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(env.HTTPS_PROXY ?? "");
  return Object.entries(env).some(([key, value]) => {
    if (localProxy && /^https:\/\//.test(value)) return false;
    if (!/CONNECTION_STRING$|_ENDPOINT$|_URL$/.test(key)) return false;
    const hosts = [...value.matchAll(/(?:https?|sb|amqps?):\/\/([^/:;]+)/g)].map((m) => m[1]!.toLowerCase());
    const remoteAccount = /AccountName=(?!devstoreaccount1)/.test(value) && !/127\.0\.0\.1|localhost/.test(value);
    return remoteAccount || hosts.some((host) => !["127.0.0.1", "localhost", "[::1]"].includes(host));
  });
}

/**
 * Flags for the fork that runs the learner's code: no child processes, no worker threads, and the network
 * guard (connections only to the ports in AZLAB_ALLOWED_PORTS).
 */
export function learnerProcessFlags(paths: SandboxPaths): string[] {
  return [
    ...(paths.networkGuard ? [`--import=${pathToFileURL(networkGuard).href}`] : []),
    "--experimental-permission",
    ...readable(paths).map((path) => `--allow-fs-read=${path}`),
    `--allow-fs-write=${join(realpathSync(paths.workspaceDir), "tmp")}`,
    "--no-warnings=ExperimentalWarning",
  ];
}
