// Builds site/dist when it is missing or older than the site's sources (the same check `npm start` makes),
// so browser tests and the bench always exercise the current code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite, siteIsStale } from "../../runner/src/cli/site-build.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE_DIR = path.join(REPO_ROOT, "site");
export const SITE_DIST = path.join(SITE_DIR, "dist");

export async function ensureSiteBuilt(): Promise<void> {
  if (await siteIsStale(SITE_DIR)) await buildSite(REPO_ROOT, { quiet: true });
}
