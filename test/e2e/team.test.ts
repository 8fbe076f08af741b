// Team sessions in real Chromium, one browser context per person, against the real server (started in
// process, on a temporary repository holding the arithmetic fixture lab and the real question bank): a host
// starts a session from the site, two participants join through the join link, a coding round runs and is
// graded in the sandbox, the dashboard and scoreboard follow live, a reload keeps a participant's code, the
// host exports Markdown; then a pair interview with the live read-only editor and a line comment. Security
// checks go through the same server with the tokens the browsers hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../runner/src/server/index.js";
import { FIXTURE_LABS, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";
import { ensureSiteBuilt, REPO_ROOT, SITE_DIST } from "./build-site.js";
import { apiCall } from "../helpers/api-call.js";
import { chromiumAvailable, IN_CI, INSTALL_CHROMIUM_HELP, launchBrowser } from "./chromium.js";
import { pasteIntoEditor, renderedLines } from "./monaco.js";

const hasChromium = chromiumAvailable();
if (!hasChromium && !IN_CI) console.warn(INSTALL_CHROMIUM_HELP);

describe.runIf(!hasChromium && IN_CI)("team browser tests in CI", () => {
  it("need Chromium", () => {
    throw new Error(INSTALL_CHROMIUM_HELP);
  });
});

/** Browser globals read in pages; the project's tsconfig has no DOM library. */
interface PageGlobals {
  sessionStorage: { getItem(key: string): string | null };
}

const GRADING_MS = 120_000;

describe.skipIf(!hasChromium)("team sessions in Chromium", () => {
  let repo: TempRepo;
  let azlabDir: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let ada: Page;
  let grace: Page;
  let joinUrl: string;
  let starter: string;
  let solution: string;
  /** Uncaught errors in any page: there must be none. */
  const pageErrors: string[] = [];

  async function personPage(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${who} on ${page.url()}: ${error.message}`));
    return page;
  }

  const api = (method: string, route: string, token?: string, body?: unknown) => apiCall(server.url, method, route, token, body);

  const storedToken = (page: Page, key: string) => page.evaluate((k) => (globalThis as unknown as PageGlobals).sessionStorage.getItem(k), key);
  /** A participant's card in the current round (earlier rounds are folded away below it). */
  const card = (page: Page, name: string) => page.locator(`.team-main > .host-round .participant-card[data-participant="${name}"]`);

  /** Waits until the host's card shows `name` graded, then checks the outcome, saying what it shows if not. */
  async function expectGraded(name: string, status: "pass" | "fail", page = host): Promise<void> {
    const graded = card(page, name).and(page.locator('[data-grading="done"], [data-grading="failed"]'));
    await graded.waitFor({ timeout: GRADING_MS }).catch(async (error: unknown) => {
      throw new Error(`${name} was not graded in time; the card shows: ${await card(page, name).textContent()}`, { cause: error });
    });
    const shown = await card(page, name).getAttribute("data-report-status");
    if (shown !== status) throw new Error(`${name}'s report is "${shown}", not "${status}": ${(await card(page, name).textContent())?.slice(0, 800)}`);
  }

  async function startSession(page: Page, title: string, mode: "group" | "pair"): Promise<string> {
    await page.getByRole("heading", { name: "Start team session" }).waitFor();
    await page.getByLabel("Title").fill(title);
    await page.getByRole("radio", { name: mode === "pair" ? /Pair interview/ : /Group/ }).check();
    await page.getByRole("button", { name: "Start team session" }).click();
    await page.locator(".team-dashboard[data-connected=true]").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    return page.locator(".join-link input").first().inputValue();
  }

  async function join(page: Page, url: string, name: string): Promise<void> {
    await page.goto(url);
    await page.getByLabel("Display name").fill(name);
    await page.getByRole("button", { name: "Join" }).click();
    await page.locator(`[data-you="${name}"]`).waitFor();
    // The join token left the address bar; the tab keeps its own participant token.
    expect(new URL(page.url()).search).toBe("");
  }

  async function startLabRound(page: Page, minutes: number): Promise<void> {
    await page.getByRole("radio", { name: /Lab coding task/ }).check();
    await page.getByLabel("Lab", { exact: true }).selectOption("arithmetic");
    await page.getByLabel("Duration (minutes)").fill(String(minutes));
    await page.getByRole("button", { name: "Start round" }).click();
    await page.locator(".host-round[data-round-status=open] .round-clock").filter({ hasText: /left$/ }).waitFor();
  }

  const editorReady = (page: Page) => page.locator(".code-editor[data-editor-state=ready] .monaco-editor").waitFor({ timeout: 60_000 });
  const submit = (page: Page) => page.getByRole("button", { name: /^Submit/ }).click();

  beforeAll(async () => {
    await ensureSiteBuilt();
    repo = await makeTempRepo({ arithmetic: path.join(FIXTURE_LABS, "arithmetic") });
    // The fixture's 8 s limit is for the grader's own tests; here the two cores also run a browser per person.
    const labJson = path.join(repo.labsDir, "arithmetic", "lab.json");
    await writeFile(labJson, JSON.stringify({ ...JSON.parse(await readFile(labJson, "utf8")), timeoutMs: 60_000 }));
    await symlink(path.join(REPO_ROOT, "content"), path.join(repo.root, "content"));
    azlabDir = await mkdtemp(path.join(tmpdir(), "azlab-e2e-team-"));
    // The server serves a copy of the built site: another test rebuilding site/dist meanwhile (it empties the
    // folder first) must not pull the lazily loaded chunks from under these pages.
    const siteDist = path.join(azlabDir, "site");
    await cp(SITE_DIST, siteDist, { recursive: true });
    starter = await readFile(path.join(FIXTURE_LABS, "arithmetic", "exercise.ts"), "utf8");
    solution = await readFile(path.join(FIXTURE_LABS, "arithmetic", "solution", "exercise.ts"), "utf8");
    server = await startServer({ repoRoot: repo.root, azlabDir, port: 0, host: "127.0.0.1", siteDist });
    browser = await launchBrowser();
    host = await personPage("host");
    ada = await personPage("Ada");
    grace = await personPage("Grace");
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (azlabDir) await rm(azlabDir, { recursive: true, force: true });
    await repo?.remove();
  });

  it("the host starts a session from the site and gets a join link", async () => {
    await host.goto(`${server.url}/`);
    await host.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    joinUrl = await startSession(host, "Friday drill", "group");
    expect(joinUrl).toMatch(new RegExp(`^${server.url}/team/join\\?t=`));
  });

  it("two participants join through the link in their own browsers, and the host sees them arrive", async () => {
    await join(ada, joinUrl, "Ada");
    await join(grace, joinUrl, "Grace");
    await host.locator(".people li[data-person=Ada]").waitFor();
    await host.locator(".people li[data-person=Grace]").waitFor();
    await ada.getByText(/Waiting for the host to start the first round/).waitFor();
  });

  it("refuses requests without a token (401), and the participants' tokens on host actions (403)", async () => {
    expect((await api("GET", "/api/team/state")).status).toBe(401);
    expect((await api("GET", "/api/labs")).status).toBe(401);
    const adaToken = await storedToken(ada, "azlab.team.participant");
    const joinToken = await storedToken(ada, "azlab.team.join");
    expect(adaToken).toBeTruthy();
    expect((await api("GET", "/api/team/state", adaToken!)).body.you.name).toBe("Ada");
    expect((await api("POST", "/api/team/rounds", adaToken!, { labId: "arithmetic", durationSec: 60 })).status).toBe(403);
    expect((await api("GET", "/api/team/export", adaToken!)).status).toBe(403);
    expect((await api("POST", "/api/team/end", adaToken!)).status).toBe(403);
    expect((await api("GET", "/api/team/state", joinToken!)).status).toBe(403);
    // The host's own tab token opens the host routes.
    const hostToken = await storedToken(host, "azlab.team.host");
    expect((await api("GET", "/api/team/state", hostToken!)).body.joinPath).toBe(new URL(joinUrl).pathname + new URL(joinUrl).search);
  });

  it("runs a coding round: one passes, one fails; the dashboard and scoreboard show it live", { timeout: GRADING_MS * 2 }, async () => {
    await startLabRound(host, 10);
    await Promise.all([editorReady(ada), editorReady(grace)]);
    expect((await renderedLines(grace))[0]).toBe(starter.split("\n")[0]);
    await ada.locator(".readme").getByText(/add/i).first().waitFor();

    await pasteIntoEditor(ada, solution);
    await card(host, "Ada").and(host.locator("[data-typing=true]")).waitFor();
    await submit(ada);
    await submit(grace);

    await expectGraded("Ada", "pass");
    await expectGraded("Grace", "fail");
    await ada.locator('.report[data-report-status="pass"]').waitFor();
    await grace.locator('.report[data-report-status="fail"]').waitFor();
    // The host sees pass/fail per test, hidden ones included.
    expect(await card(host, "Ada").locator(".team-tests li[data-test-status=pass]").count()).toBe(4);
    expect(await card(host, "Grace").locator(".team-tests li[data-test-status=fail]").count()).toBe(4);
    expect(await card(host, "Grace").locator(".team-tests li", { hasText: "hidden" }).count()).toBe(1);

    await host.locator(".scoreboard tr[data-name=Ada] .points").filter({ hasText: /^10$/ }).waitFor();
    expect(await host.locator(".scoreboard tbody tr").first().getAttribute("data-name")).toBe("Ada");
    expect(await host.locator(".scoreboard tr[data-name=Grace] .points").textContent()).toBe("0");
    await grace.locator(".scoreboard tr[data-name=Ada] .points").filter({ hasText: /^10$/ }).waitFor();

    // Grace sees her own results: the hidden test by name, without its message; and nothing of Ada's code.
    const graceResults = await grace.locator(".results").textContent();
    expect(graceResults).not.toContain("multiplies by zero");
    await grace.locator(".hidden-tests li[data-test-status=fail]", { hasText: "multiplies by zero" }).waitFor();
    const graceSees = await grace.content();
    expect(graceSees).not.toContain("expected 7 to be +0"); // the hidden test's message
    expect(graceSees).not.toContain("return a * b");
  });

  it("a participant who reloads keeps their code", { timeout: 90_000 }, async () => {
    const work = `// Grace: work in progress\n${starter}`;
    await pasteIntoEditor(grace, work);
    const hostToken = await storedToken(host, "azlab.team.host");
    // The draft is on the server once the host's view has it (sent ~0.3 s after typing stops).
    await expect
      .poll(async () => (await api("GET", "/api/team/state", hostToken!)).body.rounds.at(-1).participants.find((p: any) => p.name === "Grace")?.draft, { timeout: 15_000 })
      .toBe(work);
    await grace.reload();
    await editorReady(grace);
    expect((await renderedLines(grace))[0]).toBe("// Grace: work in progress");
    // Her earlier result is still shown, and she is still Grace.
    await grace.locator('[data-you="Grace"]').waitFor();
    await grace.locator('.report[data-report-status="fail"]').waitFor();
  });

  it("runs a free-answer round: the host scores key points, reveals, and the scoreboard follows", { timeout: 60_000 }, async () => {
    const hostToken = await storedToken(host, "azlab.team.host");
    const bank = (await api("GET", "/api/questions?area=patterns", hostToken!)).body.questions as Array<{ id: string; type: string; keyPoints?: string[] }>;
    const free = bank.find((q) => q.type === "free")!;
    await host.getByLabel("Question from the bank").check();
    await host.getByLabel("Area").selectOption("patterns");
    await host.getByLabel("Question", { exact: true }).selectOption(free.id);
    await host.getByLabel("Duration (minutes)").fill("3");
    await host.getByRole("button", { name: "Start round" }).click();
    await host.locator(".host-round[data-round='2'][data-round-status=open]").waitFor();

    // Grace's coding round is over: her page now shows the question and an answer box.
    await grace.locator(".team-question[data-round='2']").waitFor();
    await ada.getByLabel("Your answer").fill("Retry with backoff and jitter; make the handler idempotent.");
    await submit(ada);
    await card(host, "Ada").and(host.locator("[data-submitted=true]")).waitFor();
    await card(host, "Ada").locator(".free-answer", { hasText: "idempotent" }).waitFor();

    const scores = free.keyPoints!.map((_, i) => (i === 0 ? 3 : 1));
    for (const [i, score] of scores.entries()) await host.getByLabel(`Ada: score for key point ${i + 1}`).selectOption(String(score));
    await host.getByRole("button", { name: "Save score for Ada" }).click();
    const total = scores.reduce((a, b) => a + b, 0);
    await host.getByRole("button", { name: `Scored ${total}` }).waitFor();
    await host.locator(".scoreboard tr[data-name=Ada] .points").filter({ hasText: new RegExp(`^${10 + total}$`) }).waitFor();

    // Before the reveal a participant sees no key points; after it, the key points and their own scores.
    expect(await ada.locator(".answer-reveal").count()).toBe(0);
    await host.getByRole("button", { name: "Reveal answers" }).click();
    await ada.locator(".answer-reveal .key-points li").first().waitFor();
    expect(await ada.locator(".answer-reveal .key-points li").count()).toBe(free.keyPoints!.length);
    expect(await ada.locator(".answer-reveal .key-points li").first().locator(".chip").textContent()).toBe("3/3");
    await ada.locator(".round-clock[data-round-status=revealed]").waitFor();
    expect(await ada.getByRole("button", { name: /^Submit/ }).isDisabled()).toBe(true);
  });

  it("the host exports the session as Markdown", async () => {
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByRole("link", { name: "Export Markdown" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^azlab-session-.+\.md$/);
    const markdown = await readFile(await download.path(), "utf8");
    expect(markdown).toContain("# Friday drill");
    expect(markdown).toMatch(/\| Ada \| \d+ \| 2 \|/);
    expect(markdown).toContain("### Ada");
    expect(markdown).toContain("### Grace");
    expect(markdown).toContain("Tests: pass, 4/4 passed");
    expect(markdown).toContain("Tests: fail, 0/4 passed");
    expect(markdown).toContain("return a * b");
    expect(markdown).toContain("Retry with backoff and jitter; make the handler idempotent.");
    expect(markdown).toMatch(/Key point scores: 3(, 1)+/);
  });

  it("the host ends the session; the participants' tokens stop working", async () => {
    const adaToken = await storedToken(ada, "azlab.team.participant");
    await host.getByRole("button", { name: "End session" }).click();
    await host.getByRole("button", { name: "Yes, end session" }).click();
    await host.getByRole("heading", { name: "Start team session" }).waitFor();
    expect((await api("GET", "/api/team/info")).body).toEqual({ active: false });
    expect((await api("GET", "/api/team/state", adaToken!)).status).toBe(403);
    await ada.reload();
    await ada.getByText("This team session has ended").waitFor();
  });

  it("pair interview: the interviewer watches the candidate type, comments on a line, and both see the test run", { timeout: GRADING_MS * 2 }, async () => {
    const candidate = await personPage("candidate");
    const pairJoin = await startSession(host, "Pair interview", "pair");
    // The host link `azlab serve --team` prints (/team?t=<hostToken>) opens the dashboard in another browser.
    const hostToken = await storedToken(host, "azlab.team.host");
    const laptop = await personPage("interviewer's second browser");
    await laptop.goto(`${server.url}/team?t=${hostToken}`);
    await laptop.locator(".team-dashboard[data-mode=pair][data-connected=true]").waitFor();
    expect(new URL(laptop.url()).search).toBe("");
    await laptop.context().close();

    await join(candidate, pairJoin, "Linus");
    await host.locator(".people li[data-person=Linus]").waitFor();
    await startLabRound(host, 15);
    await editorReady(candidate);
    await host.locator(".pair-watch .code-editor[data-editor-state=ready]").waitFor({ timeout: 60_000 });

    const marker = "export const marker = 42;";
    const code = `${solution.trimEnd()}\n${marker}\n`;
    const markerLine = code.split("\n").indexOf(marker) + 1;
    await pasteIntoEditor(candidate, code);
    // The interviewer's read-only editor follows the candidate's typing.
    const watchedLine = host.locator(".pair-watch .view-line", { hasText: marker });
    await watchedLine.waitFor({ timeout: 15_000 });
    await card(host, "Linus").and(host.locator("[data-typing=true]")).waitFor();

    await watchedLine.click();
    expect(await host.getByLabel("Line", { exact: true }).inputValue()).toBe(String(markerLine));
    await host.getByLabel(`Comment on line ${markerLine}`).fill("Why export this?");
    await host.getByRole("button", { name: "Add comment" }).click();

    // The candidate sees it at that line: in the list and as a highlighted line in the editor.
    await candidate.locator(`.team-comments li[data-line="${markerLine}"]`, { hasText: "Why export this?" }).waitFor();
    await candidate.locator(".participant-editor[data-comments='1'] .team-comment-line").first().waitFor();
    await host.locator(".pair-watch .team-comment-line").first().waitFor();

    await submit(candidate);
    await expectGraded("Linus", "pass");
    await candidate.locator('.report[data-report-status="pass"]').waitFor();

    // A pair interview has one candidate: a second person is refused with the server's explanation.
    const second = await personPage("second candidate");
    await second.goto(pairJoin);
    await second.getByLabel("Display name").fill("Eve");
    await second.getByRole("button", { name: "Join" }).click();
    await second.getByRole("alert").getByText("This pair interview already has its candidate").waitFor();
  });

  it("raised no uncaught error in any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
