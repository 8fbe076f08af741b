// Builds site/dist when it is missing or older than the site's sources, so browser tests and the bench
// always exercise the current code.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE_DIR = path.join(REPO_ROOT, "site");
export const SITE_DIST = path.join(SITE_DIR, "dist");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function siteIsStale(): boolean {
  const index = path.join(SITE_DIST, "index.html");
  if (!existsSync(index)) return true;
  const sources = ["src", "index.html", "vite.config.ts", "package.json"].map((name) => path.join(SITE_DIR, name));
  const newestSource = Math.max(...sources.filter(existsSync).map(newestMtime));
  return newestSource > statSync(index).mtimeMs;
}

/**
 * Runs `vite build` in a child process with NODE_ENV=production: under vitest NODE_ENV is "test", and Vite
 * would then bundle React's development build.
 */
export async function ensureSiteBuilt(): Promise<void> {
  if (!siteIsStale()) return;
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, "build", "--logLevel", "warn"], {
      cwd: SITE_DIR,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`Building the site failed (vite build exited with ${code}):\n${Buffer.concat(output).toString()}`);
}
