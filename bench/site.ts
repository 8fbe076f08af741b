// The site's weight and speed: initial JS (gzipped, Monaco excluded; goal < 300 KB), Monaco's chunk, and in
// headless Chromium on localhost the time until the catalogue is interactive (goal < 1 s) and until the lab
// page's editor is ready (goal < 2 s), each the median of 5 cold loads (a new browser context = empty cache).
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { startServer } from "../runner/src/server/index.js";
import { ensureSiteBuilt, REPO_ROOT, SITE_DIST } from "../test/e2e/build-site.js";
import { chromiumAvailable, INSTALL_CHROMIUM_HELP, launchBrowser } from "../test/e2e/chromium.js";
import { median, round } from "./stats.js";

const RUNS = 5;
const LAB = "blob-storage";
const kb = (bytes: number): number => round(bytes / 1024, 1);

async function fileSizes(file: string): Promise<{ raw: number; gzip: number }> {
  const content = await readFile(file);
  return { raw: content.byteLength, gzip: gzipSync(content, { level: 9 }).byteLength };
}

/** Scripts the browser fetches before the app runs: index.html's module script and its modulepreloads. */
async function initialScripts(): Promise<string[]> {
  const html = await readFile(path.join(SITE_DIST, "index.html"), "utf8");
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  return sources.map((match) => path.join(SITE_DIST, match[1]!.replace(/^\//, "")));
}

/** Loads `url` and returns the milliseconds from navigation start until `readySelector` shows, by the page's clock. */
async function loadTime(context: BrowserContext, url: string, readySelector: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator(readySelector).first().waitFor({ timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

/** A cold load: a new context, so nothing is cached (a first visit). */
async function coldLoad(browser: Browser, url: string, readySelector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await loadTime(context, url, readySelector);
  } finally {
    await context.close();
  }
}

export async function benchSite(): Promise<Record<string, number>> {
  await ensureSiteBuilt();
  const assets = path.join(SITE_DIST, "assets");
  const files = await readdir(assets);
  const initial = (await initialScripts()).filter((file) => !/monaco/.test(path.basename(file)));
  const initialGzip = (await Promise.all(initial.map(fileSizes))).reduce((sum, size) => sum + size.gzip, 0);
  const monacoFile = files.find((name) => /^monaco-.*\.js$/.test(name));
  const workerFile = files.find((name) => /^ts\.worker-.*\.js$/.test(name));
  const monaco = monacoFile ? await fileSizes(path.join(assets, monacoFile)) : { raw: Number.NaN, gzip: Number.NaN };
  const worker = workerFile ? await fileSizes(path.join(assets, workerFile)) : { raw: Number.NaN, gzip: Number.NaN };
  const figures: Record<string, number> = {
    "initial JS gzipped KB (Monaco excluded)": kb(initialGzip),
    "Monaco chunk KB": kb(monaco.raw),
    "Monaco chunk gzipped KB": kb(monaco.gzip),
    "TypeScript worker KB": kb(worker.raw),
  };

  if (!chromiumAvailable()) {
    process.stderr.write(`bench site: ${INSTALL_CHROMIUM_HELP}\n`);
    return figures;
  }

  // A temporary progress folder and a copy of the lab: the bench never touches the learner's state.
  const scratch = await mkdtemp(path.join(tmpdir(), "azlab-bench-site-"));
  const labsDir = path.join(scratch, "labs");
  await cp(path.join(REPO_ROOT, "labs", LAB), path.join(labsDir, LAB), { recursive: true });
  const server = await startServer({ repoRoot: REPO_ROOT, port: 0, host: "127.0.0.1", azlabDir: scratch, labsDir });
  const browser = await launchBrowser();
  try {
    const catalogueUrl = `${server.url}/`;
    const labUrl = `${server.url}/labs/${LAB}`;
    const catalogueReady = "[data-ready=true]";
    const editorReady = ".code-editor[data-editor-state=ready] .monaco-editor .view-line";
    const typesReady = ".code-editor[data-sdk-types=loaded]";
    // One warm-up load, so the server's first-request work (reading the SDK typings) is not counted.
    await coldLoad(browser, labUrl, typesReady);
    const catalogue: number[] = [];
    const editor: number[] = [];
    const types: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      catalogue.push(await coldLoad(browser, catalogueUrl, catalogueReady));
      editor.push(await coldLoad(browser, labUrl, editorReady));
      types.push(await coldLoad(browser, labUrl, typesReady));
    }
    // A returning learner: same profile, so the browser's HTTP and compiled-code caches are warm.
    const returning = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const warmEditor: number[] = [];
    try {
      for (let i = 0; i < RUNS + 1; i++) warmEditor.push(await loadTime(returning, labUrl, editorReady));
    } finally {
      await returning.close();
    }
    figures["catalogue interactive ms, cold (median of 5)"] = round(median(catalogue), 0);
    figures["lab editor ready ms, cold (median of 5)"] = round(median(editor), 0);
    figures["lab editor ready ms, returning visit (median of 5)"] = round(median(warmEditor.slice(1)), 0);
    figures["lab SDK typings loaded ms, cold (median of 5)"] = round(median(types), 0);
  } finally {
    await browser.close();
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return figures;
}
