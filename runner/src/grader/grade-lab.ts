// grade(): the one code path that grades a learner's code (CLI, site, team sessions).
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lab } from "../catalog/index.js";
import { EmulatorPool, type AcquiredEmulators } from "../emulators/emulator-pool.js";
import { explainEnvironmentProblems } from "./explain-environment.js";
import { buildReport } from "./build-report.js";
import { readLearnerFile } from "./read-learner-file.js";
import { REPORT_VERSION, type Report } from "./report-schema.js";
import { runVitestChild, scrubbedEnv } from "./run-child.js";
import { syntaxErrors, typeDiagnostics } from "./type-check.js";
import { createGradeWorkspace, type GradeWorkspace } from "./workspace.js";
import { emulatorPorts, usesRemoteService } from "./sandbox.js";

const require = createRequire(import.meta.url);

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_HEAP_MB = 384;
/** Bound on the whole child tree (vitest, its worker, and what the learner allocates outside the heap). */
export const DEFAULT_MAX_RSS_MB = 1024;

export interface GradeOptions {
  lab: Lab;
  /** The code to grade; default: the learner's labs/<id>/exercise.ts. */
  source?: string;
  /** Grade the reference solution instead. */
  solution?: boolean;
  /** Emulators to use; default: a pool started for this grade and stopped after it. */
  emulators?: EmulatorPool;
  /** Extra environment for the tests (e.g. a connection string to a real service). */
  env?: Record<string, string>;
  includeHidden?: boolean;
  timeoutMs?: number;
  heapMb?: number;
  maxRssMb?: number;
  /** Confine the run to its folder with Node's permission model (default true). */
  sandbox?: boolean;
  /** Report TypeScript diagnostics of the learner's file (default true). */
  typeCheck?: boolean;
}

const vitestEntry = () => join(require.resolve("vitest/package.json"), "..", "vitest.mjs");
const reporterFile = fileURLToPath(new URL("./vitest-reporter.ts", import.meta.url));
const nodeModulesDir = () => join(require.resolve("vitest/package.json"), "..", "..");

/**
 * Where the learner's file is type-checked: its lab folder when that sees the installed packages (inside the
 * repository), else a folder beside node_modules (a lab folder elsewhere, e.g. a copy in a temp directory).
 */
function typeCheckDir(lab: Lab): string {
  const modules = nodeModulesDir();
  const root = join(modules, "..");
  return lab.dir.startsWith(root + "/") ? lab.dir : join(root, ".azlab", "typecheck", lab.id);
}

export async function resolveSource(options: Pick<GradeOptions, "lab" | "source" | "solution">): Promise<string> {
  if (options.source !== undefined) return options.source;
  return readLearnerFile(join(options.lab.dir, options.solution ? "solution/exercise.ts" : "exercise.ts"));
}

export async function grade(options: GradeOptions): Promise<Report> {
  const startedAt = new Date();
  const started = performance.now();
  const { lab } = options;
  const source = await resolveSource(options);
  const timeoutMs = options.timeoutMs ?? lab.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRssMb = options.maxRssMb ?? DEFAULT_MAX_RSS_MB;

  // A file that does not parse cannot run: say where, without starting anything.
  const syntax = syntaxErrors(source);
  if (syntax.length > 0) {
    const first = syntax[0]!;
    return {
      version: REPORT_VERSION,
      lab: lab.id,
      status: "error",
      message: `Your code does not compile: exercise.ts:${first.line}:${first.column}: ${first.message}`,
      location: { file: first.file, line: first.line, column: first.column },
      score: 0,
      tests: [],
      diagnostics: syntax,
      output: "",
      durationMs: Math.round(performance.now() - started),
      startedAt: startedAt.toISOString(),
    };
  }

  const ownPool = options.emulators ? undefined : new EmulatorPool();
  const pool = options.emulators ?? ownPool!;
  let emulators: AcquiredEmulators | undefined;
  let workspace: GradeWorkspace | undefined;
  try {
    emulators = await pool.acquire(lab);
    const testEnv = { ...emulators.env, ...options.env };
    const caFile = testEnv.NODE_EXTRA_CA_CERTS;
    workspace = await createGradeWorkspace({
      lab,
      source,
      nodeModules: nodeModulesDir(),
      reporterFile,
      includeHidden: options.includeHidden ?? true,
      heapMb: options.heapMb ?? DEFAULT_HEAP_MB,
      testTimeoutMs: Math.min(timeoutMs, 20_000),
      sandbox: options.sandbox ?? true,
      extraReadable: caFile ? [caFile] : [],
      networkGuard: !usesRemoteService(testEnv),
    });
    const run = runVitestChild({
      cwd: workspace.dir,
      vitestEntry: vitestEntry(),
      env: scrubbedEnv(workspace.dir, { ...testEnv, AZLAB_ALLOWED_PORTS: emulatorPorts(testEnv).join(",") }),
      timeoutMs,
      maxRssBytes: maxRssMb * 1024 * 1024,
      permissionArgs: workspace.vitestFlags,
    });
    // Type-check while the child runs: the two overlap on two cores.
    const diagnostics = options.typeCheck === false ? [] : typeDiagnostics(typeCheckDir(lab), source);
    const result = await run;
    const report = buildReport(
      result,
      { labId: lab.id, workspaceDir: workspace.dir, hiddenFiles: workspace.hiddenTestFiles, timeoutMs, maxRssMb, startedAt },
      diagnostics,
    );
    return { ...explainEnvironmentProblems(report, emulators.env), durationMs: Math.round(performance.now() - started) };
  } finally {
    await emulators?.release();
    await workspace?.remove();
    await ownPool?.stopAll();
  }
}
