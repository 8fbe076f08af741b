// The site is built when site/dist is missing or older than the site's sources: by `npm start` before it
// serves, and by the browser tests and the bench before they load it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AzlabError } from "../errors.js";

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.filter((name) => name !== "node_modules" && name !== "dist").map((name) => newestMtime(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

export async function siteIsStale(siteDir: string): Promise<boolean> {
  const built = join(siteDir, "dist", "index.html");
  if (!existsSync(built)) return true;
  const builtAt = (await stat(built)).mtimeMs;
  const sources = await Promise.all(["src", "index.html", "vite.config.ts", "package.json"].map((name) => newestMtime(join(siteDir, name))));
  return Math.max(...sources) > builtAt;
}

/**
 * Runs `vite build` in the site folder. NODE_ENV=production: an inherited "test" or "development" would make
 * Vite bundle React's development build. `quiet` keeps the output and shows it only if the build fails.
 */
export async function buildSite(repoRoot: string, options: { quiet?: boolean } = {}): Promise<void> {
  const siteDir = join(repoRoot, "site");
  const vite = join(dirname(createRequire(join(siteDir, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, "build", ...(options.quiet ? ["--logLevel", "warn"] : [])], {
      cwd: siteDir,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", options.quiet ? "pipe" : "inherit", options.quiet ? "pipe" : "inherit"],
    });
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    throw new AzlabError(
      `Building the site failed (vite build exited with ${code})${output.length ? `:\n${Buffer.concat(output).toString()}` : ""}`,
      "Read the build output; `npm run build -w site` repeats it.",
    );
  }
}
