// The site in a real browser against the real server and emulators: what a learner does on a first visit.
// Chromium comes from the OS (apt-get install chromium); without it the suite is skipped, unless CI=true.
// Progress goes to a temporary folder, and the server reads a temporary copy of the lab, so the test neither
// touches the learner's files nor depends on other labs being complete.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { startServer } from "../../runner/src/server/index.js";
import { ensureSiteBuilt, REPO_ROOT } from "./build-site.js";
import { chromiumAvailable, IN_CI, INSTALL_CHROMIUM_HELP, launchChromium, type BrowserSession } from "./chromium.js";
import { focusEditor, pasteIntoEditor, renderedLines } from "./monaco.js";

const LAB = "blob-storage";
const LAB_TITLE = "Blob storage basics";
const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const hasChromium = chromiumAvailable();

if (!hasChromium && !IN_CI) console.warn(INSTALL_CHROMIUM_HELP);

describe.runIf(!hasChromium && IN_CI)("browser tests in CI", () => {
  it("need Chromium", () => {
    throw new Error(INSTALL_CHROMIUM_HELP);
  });
});

describe.skipIf(!hasChromium)("the site in Chromium", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: BrowserSession;
  let page: Page;
  let azlabDir: string;
  let labsDir: string;
  /** Requests to anywhere but the local server: the site must work with no network (no CDN, no fonts). */
  const offHost: string[] = [];
  let starter: string;
  let solution: string;

  beforeAll(async () => {
    await ensureSiteBuilt();
    starter = await readFile(path.join(REPO_ROOT, "labs", LAB, "exercise.ts"), "utf8");
    solution = await readFile(path.join(REPO_ROOT, "labs", LAB, "solution", "exercise.ts"), "utf8");
    azlabDir = await mkdtemp(path.join(tmpdir(), "azlab-e2e-"));
    // The lab copy stays inside the repository (artifacts/ is git-ignored) so that its imports resolve from the
    // repository's node_modules, as labs/<id> does.
    await mkdir(ARTIFACTS, { recursive: true });
    labsDir = await mkdtemp(path.join(ARTIFACTS, "labs-"));
    await cp(path.join(REPO_ROOT, "labs", LAB), path.join(labsDir, LAB), { recursive: true });
    server = await startServer({ repoRoot: REPO_ROOT, port: 0, host: "127.0.0.1", azlabDir, labsDir });
    browser = await launchChromium({ width: 1280, height: 800 });
    page = await browser.context.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !/^(data|blob):/.test(url)) offHost.push(url);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (azlabDir) await rm(azlabDir, { recursive: true, force: true });
    if (labsDir) await rm(labsDir, { recursive: true, force: true });
  });

  const labCard = () => page.locator(".lab-card", { hasText: LAB_TITLE });
  const runButton = () => page.getByRole("button", { name: /Run tests|Running/ });

  async function waitForReport(status: string): Promise<void> {
    try {
      await page.locator(`.report[data-report-status="${status}"]:not(.stale)`).waitFor({ timeout: 120_000 });
    } catch (error) {
      const shown = await page.locator(".results").textContent().catch(() => "(no results panel)");
      throw new Error(`No "${status}" report appeared. The results panel says: ${shown?.slice(0, 1500)}`, { cause: error });
    }
    await page.getByRole("button", { name: /^Run tests/ }).waitFor();
    expect(await runButton().isEnabled()).toBe(true);
  }

  it("lists the lab in the catalogue under its skill area", async () => {
    await page.goto(`${server.url}/`);
    await page.locator("[data-ready=true]").waitFor();
    const area = page.locator(".skill-area", { has: page.getByRole("heading", { name: /Develop for Azure storage/ }) });
    await area.locator(".lab-card", { hasText: LAB_TITLE }).waitFor();
    expect(await area.locator("progress").count()).toBe(1);
    expect(await page.locator(".skill-area").count()).toBe(5); // all five AZ-204 areas, even those without labs
    expect(await labCard().locator("[data-state]").getAttribute("data-state")).toBe("not-started");
  });

  it("opens the lab with its instructions beside the editor", async () => {
    await labCard().getByRole("link").click();
    await page.waitForURL(`**/labs/${LAB}`);
    await page.locator(".readme h2", { hasText: "1. Create the container" }).waitFor();
    const external = page.locator(".lab-instructions a[href^='https://learn.microsoft.com']").first();
    expect(await external.getAttribute("target")).toBe("_blank");
    await page.locator(".code-editor[data-editor-state=ready] .monaco-editor").waitFor({ timeout: 60_000 });
    await page.locator(".code-editor[data-sdk-types=loaded]").waitFor({ timeout: 60_000 });
    expect((await renderedLines(page))[0]).toBe(starter.split("\n")[0]);
    // Code blocks in the instructions get highlighted by shiki, bundled, with nothing fetched from elsewhere.
    await page.locator(".readme pre.shiki").first().waitFor({ timeout: 30_000 });
    expect(offHost).toEqual([]);
  });

  it("completes Azure SDK methods and underlines a misspelled one", { timeout: 120_000 }, async () => {
    await pasteIntoEditor(page, `${starter}\nexport function probe(containerClient: ContainerClient) {\n  return containerClient\n}\n`);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.type(".uploadB");
    // If the list was computed before the worker had parsed the SDK, ask again (Ctrl+Space), as a learner would.
    const suggestion = page.locator(".suggest-widget.visible .monaco-list-row", { hasText: "uploadBlockBlob" }).first();
    await expect
      .poll(
        async () => {
          if (await suggestion.isVisible()) return true;
          await page.keyboard.press("Escape");
          await page.keyboard.press("Control+Space");
          return suggestion.waitFor({ timeout: 5_000 }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true)
      .catch(async (error: unknown) => {
        const lines = (await renderedLines(page)).slice(-5).join(" | ");
        const widget = await page.locator(".suggest-widget").first().textContent().catch(() => "(none)");
        throw new Error(`No uploadBlockBlob completion. Last lines: ${lines}. Suggest widget: ${widget?.slice(0, 300)}`, { cause: error });
      });
    await page.keyboard.press("Escape");

    // containerClient.uploadBlockBlb: no such method, and the worker knows the type well enough to suggest one.
    // Escape, not "(": "(" would accept the highlighted completion and fix the typo.
    await page.keyboard.type("lockBlb");
    await page.keyboard.press("Escape");
    // The squiggle may first be one left from typing (".uploadB" was an error too), so hover until the
    // hover shows the final diagnostic.
    const squiggle = page.locator(".code-editor .squiggly-error").first();
    await expect
      .poll(
        async () => {
          await page.mouse.move(0, 0);
          await squiggle.hover({ force: true, timeout: 5_000 }).catch(() => undefined);
          return page.locator(".monaco-hover:not(.hidden)").first().textContent({ timeout: 3_000 }).catch(() => "");
        },
        { timeout: 60_000, interval: 500 },
      )
      .toContain("Did you mean 'uploadBlockBlob'?");
    await page.keyboard.press("Escape");
  });

  it("runs the starter and lists the failing tests by name, grouped by task", { timeout: 180_000 }, async () => {
    await pasteIntoEditor(page, starter);
    await page.locator("[data-save-status=saved]").waitFor({ timeout: 30_000 });
    await runButton().click();
    await page.locator(".results .running").waitFor();
    await waitForReport("fail");
    const failing = await page.locator(".test[data-test-status=fail] .test-name").allTextContents();
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((name) => name.trim().length > 0)).toBe(true);
    const tasks = await page.locator(".task-group h3").allTextContents();
    expect(tasks).toContain("1. Create the container");
    expect(await page.locator(".test-message").count()).toBeGreaterThan(0);
  });

  it("passes every test with the reference solution (Ctrl+Enter), and the catalogue shows it passed", { timeout: 180_000 }, async () => {
    await pasteIntoEditor(page, solution);
    await focusEditor(page);
    await page.keyboard.press("Control+Enter");
    await waitForReport("pass");
    expect(await page.locator(".test[data-test-status=fail]").count()).toBe(0);
    expect(await page.locator(".test[data-test-status=pass]").count()).toBeGreaterThan(0);
    // The reference solution type-checks: no type errors listed, no red squiggles in the editor.
    expect(await page.locator(".results", { hasText: "Type errors" }).count()).toBe(0);
    expect(await page.locator(".code-editor .squiggly-error").count()).toBe(0);
    await page.locator("[data-save-status=saved]").waitFor({ timeout: 30_000 });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Labs" }).click();
    await page.locator("[data-ready=true]").waitFor();
    expect(await labCard().locator("[data-state]").getAttribute("data-state")).toBe("passed");
  });

  it("keeps the draft across a reload", async () => {
    await page.goto(`${server.url}/labs/${LAB}`);
    await page.reload();
    await page.locator(".code-editor[data-editor-state=ready] .monaco-editor .view-line").first().waitFor({ timeout: 60_000 });
    const shown = await renderedLines(page);
    const expected = solution.split("\n");
    expect(shown.length).toBeGreaterThan(5);
    // The last rendered line may be cut off by the viewport; every other one must match the solution.
    expect(shown.slice(0, -1)).toEqual(expected.slice(0, shown.length - 1));
    const detail = (await (await fetch(`${server.url}/api/labs/${LAB}`)).json()) as { draft: { source: string } | null };
    expect(detail.draft?.source).toBe(solution);
  });

  it("reveals one hint at a time, with the count", async () => {
    await page.getByRole("button", { name: "Show a hint" }).click();
    await page.locator(".hint-list li").first().waitFor();
    expect(await page.locator(".hint-list li").count()).toBe(1);
    expect(await page.locator(".hint-list li").first().textContent()).toMatch(/^Task 1: /);
    expect(await page.locator("#hints-title").textContent()).toMatch(/1 of \d+ shown/);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "lab-page.png") });
    expect(existsSync(path.join(ARTIFACTS, "lab-page.png"))).toBe(true);
  });

  it("renders the cheat sheet, or says how to create it", async () => {
    await page.goto(`${server.url}/cheat-sheet`);
    if (existsSync(path.join(REPO_ROOT, "content", "cheat-sheet.md"))) {
      await page.locator(".cheat-sheet h1, .cheat-sheet h2").first().waitFor();
    } else {
      await page.getByRole("alert").getByText("content/cheat-sheet.md").first().waitFor();
    }
  });

  it("answers an unknown lab or page with a way back to the catalogue", async () => {
    await page.goto(`${server.url}/labs/blob-storag`);
    await page.getByText('No lab named "blob-storag"').waitFor();
    await page.getByRole("link", { name: "Browse all labs in the catalogue" }).waitFor();
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Browse all labs in the catalogue" }).click();
    await page.locator("[data-ready=true]").waitFor();
  });

  it("keeps typing while the server is down, says so, and saves once it is back", { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/labs/${LAB}`);
    await page.locator(".code-editor[data-editor-state=ready] .monaco-editor").waitFor({ timeout: 60_000 });
    const port = new URL(server.url).port;
    await server.close();

    const typed = `${solution}\n// typed while the server was down\n`;
    await pasteIntoEditor(page, typed);
    await page.getByText("The azlab server is not reachable.").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-save-status]").getAttribute("data-save-status")).toBe("offline");

    server = await startServer({ repoRoot: REPO_ROOT, port: Number(port), host: "127.0.0.1", azlabDir, labsDir });
    // The page also retries by itself: its own retry may save (and remove the button) before the click lands.
    const saved = page.locator("[data-save-status=saved]").waitFor({ timeout: 30_000 });
    await Promise.race([page.getByRole("button", { name: "Retry now" }).click({ timeout: 30_000 }).catch(() => undefined), saved]);
    await saved;
    expect(await page.getByText("The azlab server is not reachable.").count()).toBe(0);
    const detail = (await (await fetch(`${server.url}/api/labs/${LAB}`)).json()) as { draft: { source: string } | null };
    expect(detail.draft?.source).toBe(typed);
  });
});
