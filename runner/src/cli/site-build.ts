// npm start builds the site first when site/dist is missing or older than the site's sources.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
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

export async function buildSite(repoRoot: string): Promise<void> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await new Promise<void>((resolve, reject) => {
    // NODE_ENV=production: otherwise an inherited "test" or "development" makes Vite bundle React's dev build.
    const child = spawn(npm, ["run", "build", "-w", "site"], { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new AzlabError(`Building the site failed (exit code ${code})`, "Read the build output above; `npm run build -w site` repeats it.")),
    );
  });
}
