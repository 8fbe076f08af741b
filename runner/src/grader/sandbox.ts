// The grading child's file-system sandbox, with Node's permission model: the vitest process and the fork
// that runs the learner's code may read only the grading folder, the installed packages and the reporter,
// and write only the grading folder. A read of the reference solution, hidden tests, .azlab/ or another
// learner's folder fails with ERR_ACCESS_DENIED, whatever path the code uses.
import { realpathSync } from "node:fs";
import { dirname } from "node:path";

export interface SandboxPaths {
  workspaceDir: string;
  nodeModulesDir: string;
  reporterFile: string;
  extraReadable: string[];
}

function readable(paths: SandboxPaths): string[] {
  const real = (path: string) => realpathSync(path);
  return [real(paths.workspaceDir), real(paths.nodeModulesDir), dirname(real(paths.reporterFile)), ...paths.extraReadable.map(real)];
}

/** Flags for the vitest process: it forks the worker, so it may spawn a child. */
export function vitestProcessFlags(paths: SandboxPaths): string[] {
  return [
    "--experimental-permission",
    ...readable(paths).map((dir) => `--allow-fs-read=${dir}`),
    `--allow-fs-write=${realpathSync(paths.workspaceDir)}`,
    "--allow-child-process",
    "--allow-worker",
    "--no-warnings=ExperimentalWarning",
  ];
}

/** Flags for the fork that runs the learner's code: no child processes, no worker threads. */
export function learnerProcessFlags(paths: SandboxPaths): string[] {
  return [
    "--experimental-permission",
    ...readable(paths).map((dir) => `--allow-fs-read=${dir}`),
    `--allow-fs-write=${realpathSync(paths.workspaceDir)}`,
    "--no-warnings=ExperimentalWarning",
  ];
}
