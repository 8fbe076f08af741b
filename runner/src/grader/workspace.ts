// The grading folder: a fresh temp folder holding only the learner's exercise and the lab's test files.
// Never solution/, never .azlab/: the learner's code cannot read what is not there.
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lab } from "../catalog/index.js";

export interface GradeWorkspace {
  dir: string;
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
    await writeFile(join(dir, "vitest.config.mjs"), vitestConfig(options, [...lab.testFiles, ...hidden]));
    return {
      dir,
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

function vitestConfig(options: WorkspaceOptions, files: string[]): string {
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
      execArgv: [`--max-old-space-size=${options.heapMb}`],
      testTimeout: options.testTimeoutMs,
      hookTimeout: options.testTimeoutMs,
      watch: false,
      cache: false,
      printConsoleTrace: false,
    },
    cacheDir: join(tmpdir(), "azlab-vite-cache"),
    logLevel: "silent",
  };
  return `export default ${JSON.stringify(config, null, 2)};\n`;
}
