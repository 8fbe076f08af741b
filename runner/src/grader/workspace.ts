// The grading folder: a fresh temp folder holding only the learner's exercise and the lab's test files.
// Never solution/, never .azlab/: the learner's code cannot read what is not there.
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lab } from "../catalog/index.js";
import { learnerProcessFlags } from "./sandbox.js";

export interface GradeWorkspace {
  dir: string;
  /** Permission flags for the vitest process; empty without sandbox. */
  vitestFlags: string[];
  exerciseFile: string;
  testFiles: string[];
  hiddenTestFiles: string[];
  remove(): Promise<void>;
}

export interface WorkspaceOptions {
  lab: Lab;
  source: string;
  nodeModules: string;
  reporterFile: string;
  includeHidden: boolean;
  heapMb: number;
  testTimeoutMs: number;
  /** Confine the processes to the grading folder and the packages (Node's permission model). */
  sandbox: boolean;
  /** Files outside the folder the tests must read (the local CA that NODE_EXTRA_CA_CERTS names). */
  extraReadable?: string[];
  /** Confine connections to the emulators' ports. */
  networkGuard: boolean;
}

export async function createGradeWorkspace(options: WorkspaceOptions): Promise<GradeWorkspace> {
  const { lab } = options;
  const dir = await mkdtemp(join(tmpdir(), `azlab-grade-${lab.id}-`));
  try {
    await writeFile(join(dir, "exercise.ts"), options.source, "utf8");
    const hidden = options.includeHidden ? lab.hiddenTestFiles : [];
    for (const file of [...lab.testFiles, ...hidden]) await copyFile(join(lab.dir, file), join(dir, file));
    // Packages resolve through a link to the repository's node_modules (read-only use).
    await symlink(options.nodeModules, join(dir, "node_modules"), "dir");
    await mkdir(join(dir, "tmp"));
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: `azlab-grade-${lab.id}`, private: true, type: "module" }));
    const paths = { workspaceDir: dir, nodeModulesDir: options.nodeModules, reporterFile: options.reporterFile, extraReadable: options.extraReadable ?? [], networkGuard: options.networkGuard };
    const learnerFlags = options.sandbox ? learnerProcessFlags(paths) : [];
    await writeFile(join(dir, "vitest.config.mjs"), vitestConfig(options, dir, [...lab.testFiles, ...hidden], learnerFlags));
    return {
      dir,
      vitestFlags: [],
      exerciseFile: join(dir, "exercise.ts"),
      testFiles: lab.testFiles,
      hiddenTestFiles: hidden,
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function vitestConfig(options: WorkspaceOptions, dir: string, files: string[], learnerFlags: string[]): string {
  const config = {
    test: {
      include: files,
      reporters: [options.reporterFile],
      // Tests of one lab run in file order in one fork: the learner's code lives in that fork, apart from the
      // vitest process that talks to the grader.
      pool: "forks",
      maxWorkers: 1,
      fileParallelism: false,
      isolate: false,
      execArgv: [`--max-old-space-size=${options.heapMb}`, ...learnerFlags],
      testTimeout: options.testTimeoutMs,
      hookTimeout: options.testTimeoutMs,
      watch: false,
      cache: false,
      printConsoleTrace: false,
    },
    cacheDir: join(dir, ".vite"),
    logLevel: "silent",
  };
  return `export default ${JSON.stringify(config, null, 2)};\n`;
}
