// The grading folder: a fresh temp folder holding only the learner's exercise and the lab's test files.
// Never solution/, never .azlab/: the learner's code cannot read what is not there.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lab } from "../catalog/index.js";
import { learnerProcessFlags } from "./sandbox.js";

/** Subfolder of the grading folder holding hidden tests, out of the learner's reach. */
export const HIDDEN_DIR = "hidden";

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
    for (const file of lab.testFiles) await copyFile(join(lab.dir, file), join(dir, file));
    // Hidden tests go to a subfolder the learner's process may not read (vitest's own process reads and
    // transforms them; the worker receives the transformed code). Their imports of the exercise move up a level.
    const hidden = options.includeHidden ? lab.hiddenTestFiles.map((file) => `${HIDDEN_DIR}/${file}`) : [];
    if (hidden.length > 0) await mkdir(join(dir, HIDDEN_DIR));
    for (const file of hidden) {
      const text = await readFile(join(lab.dir, file.slice(HIDDEN_DIR.length + 1)), "utf8");
      await writeFile(join(dir, file), text.replace(/(from\s+|import\(\s*)(["'])\.\/exercise(\.js|\.ts)?\2/g, "$1$2../exercise$3$2"));
    }
    // Packages resolve through a link to the repository's node_modules (read-only use).
    await symlink(options.nodeModules, join(dir, "node_modules"), "dir");
    await mkdir(join(dir, "tmp"));
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: `azlab-grade-${lab.id}`, private: true, type: "module" }));
    const paths = { workspaceDir: dir, visibleFiles: ["exercise.ts", "package.json", "vitest.config.mjs", ...lab.testFiles], nodeModulesDir: options.nodeModules, reporterFile: options.reporterFile, extraReadable: options.extraReadable ?? [], networkGuard: options.networkGuard };
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
      printConsoleTrace: false,
    },
    cacheDir: join(dir, "tmp", ".vite"),
    logLevel: "silent",
  };
  // Snapshot files are looked up next to each test; keep them in tmp/, the one place the sandbox lets the
  // learner's process read and write (next to hidden/ tests they would be out of its reach).
  const snapshots = JSON.stringify(join(dir, "tmp", "snapshots"));
  return (
    `const config = ${JSON.stringify(config, null, 2)};\n` +
    `config.test.resolveSnapshotPath = (testPath, extension) => ${snapshots} + "/" + testPath.split("/").pop() + extension;\n` +
    `export default config;\n`
  );
}
