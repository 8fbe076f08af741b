// Debian's Chromium driven by playwright-core: never a downloaded browser. A fresh profile per launch.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.AZLAB_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** CI=true (or 1): a missing browser is an error there, not a reason to skip. */
export const IN_CI = /^(1|true)$/i.test(process.env.CI ?? "");

export const INSTALL_CHROMIUM_HELP =
  `Chromium was not found at ${CHROMIUM_PATH}, ${IN_CI ? "and CI=true requires the browser tests to run" : "so the browser tests are skipped"}. ` +
  "Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set AZLAB_CHROMIUM to a Chromium or Chrome binary.";

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium headless with an empty profile that is deleted on close. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(tmpdir(), "azlab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium headless with a throwaway profile per context: each newContext() starts with no cache. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
