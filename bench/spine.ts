// Spine figures: Azurite load and start, grading end to end next to a bare vitest run, server RSS.
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../runner/src/catalog/index.js";
import { startAzurite } from "../runner/src/emulators/azurite.js";
import { EmulatorPool } from "../runner/src/emulators/emulator-pool.js";
import { grade } from "../runner/src/grader/index.js";
import { repoPaths } from "../runner/src/repo-paths.js";
import { median, percentile, round, timeIt } from "./stats.js";

const ROOT = join(import.meta.dirname, "..");

function runNode(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${out}`))));
  });
}

/** Loading Azurite's classes, in fresh processes (a warm process would measure nothing). */
async function azuriteLoadAndStart(): Promise<{ loadMs: number; startMs: number }> {
  const loads: number[] = [];
  const starts: number[] = [];
  const script = `
    const { loadAzurite, startAzurite } = await import(${JSON.stringify(join(ROOT, "runner/src/emulators/azurite.ts"))});
    let t = performance.now(); loadAzurite(); const load = performance.now() - t;
    t = performance.now(); const a = await startAzurite({ connectionString: null }); const start = performance.now() - t;
    await a.stop(); console.log(JSON.stringify({ load, start }));`;
  for (let i = 0; i < 10; i++) {
    const out = JSON.parse(await runNode(["--import", "tsx", "--input-type=module", "-e", script]));
    loads.push(out.load);
    starts.push(out.start);
  }
  return { loadMs: median(loads), startMs: median(starts) };
}

export async function benchSpine(): Promise<Record<string, number>> {
  const { loadMs, startMs } = await azuriteLoadAndStart();

  const paths = repoPaths(ROOT);
  const lab = (await loadCatalog(paths.labsDir, paths.root)).get("blob-storage")!;
  const pool = new EmulatorPool();
  const { env } = await pool.acquire(lab);
  await grade({ lab, solution: true, emulators: pool }); // warm: type checker, vite caches
  const grades: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  for (let i = 0; i < 10; i++) {
    grades.push(await timeIt(async () => {
      const report = await grade({ lab, solution: true, emulators: pool });
      if (report.status !== "pass") throw new Error(`blob-storage solution did not pass: ${report.message}`);
    }));
  }
  clearInterval(sampler);

  // The same test file, run by a bare `vitest run` against the same Azurite.
  const bare = await mkdtemp(join(tmpdir(), "azlab-bench-bare-"));
  await cp(join(lab.dir, "exercise.test.ts"), join(bare, "exercise.test.ts"));
  await cp(join(lab.dir, "solution/exercise.ts"), join(bare, "exercise.ts"));
  await symlink(join(ROOT, "node_modules"), join(bare, "node_modules"));
  const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
  const bareRuns: number[] = [];
  for (let i = 0; i < 10; i++) {
    bareRuns.push(await timeIt(() => runNode([vitest, "run", "--root", bare], { cwd: bare, env: { ...process.env, ...env } })));
  }
  await rm(bare, { recursive: true, force: true });
  await pool.stopAll();

  // The keyless lab next to it: identity, Key Vault, proxy and TLS started fresh for every grade.
  const keyVaultLab = (await loadCatalog(paths.labsDir, paths.root)).get("keyvault-managed-identity");
  const keyVaultGrades: number[] = [];
  for (let i = 0; keyVaultLab && i < 5; i++) {
    keyVaultGrades.push(await timeIt(() => grade({ lab: keyVaultLab, solution: true, emulators: pool })));
  }

  const gradeP50 = median(grades);
  const bareP50 = median(bareRuns);
  return {
    "azurite load ms (median of 10)": round(loadMs),
    "azurite start ms (median of 10)": round(startMs),
    "grade blob-storage p50 ms": round(gradeP50),
    "grade blob-storage p95 ms": round(percentile(grades, 95)),
    "bare vitest run p50 ms": round(bareP50),
    "bare vitest run p95 ms": round(percentile(bareRuns, 95)),
    "grade / bare vitest (goal <= 1.5)": round(gradeP50 / bareP50, 2),
    "server peak RSS MB while grading": round(peakRss / 1024 / 1024),
    "grade keyvault-managed-identity p50 ms (5 runs)": round(median(keyVaultGrades)),
  };
}
