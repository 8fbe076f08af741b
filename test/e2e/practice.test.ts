// Interview practice in a real browser against the real server: pattern pages with their diagrams, the
// cheat sheet's anchors, flashcards (FSRS), a practice exam, a mock interview and search, each surviving a
// reload. State goes to a temporary .azlab/. The practice clock can be moved forward, so a card rated Again
// (due one minute later) is seen coming back without waiting a minute.
// Chromium comes from the OS (apt-get install chromium); without it the suite is skipped, unless CI=true.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { repoPaths } from "../../runner/src/repo-paths.js";
import { buildApp } from "../../runner/src/server/index.js";
import { Workbench } from "../../runner/src/workbench/index.js";
import { PracticeService } from "../../runner/src/practice/index.js";
import type { Question } from "../../runner/src/content/question-schema.js";
import type { StoredCard } from "../../runner/src/practice/practice-schemas.js";
import type { SearchDocument } from "../../runner/src/content/search-documents.js";
import { ensureSiteBuilt, REPO_ROOT } from "./build-site.js";
import { chromiumAvailable, IN_CI, INSTALL_CHROMIUM_HELP, launchChromium, type BrowserSession } from "./chromium.js";

const hasChromium = chromiumAvailable();
if (!hasChromium && !IN_CI) console.warn(INSTALL_CHROMIUM_HELP);

describe.runIf(!hasChromium && IN_CI)("practice browser tests in CI", () => {
  it("need Chromium", () => {
    throw new Error(INSTALL_CHROMIUM_HELP);
  });
});

describe.skipIf(!hasChromium)("interview practice in Chromium", () => {
  let azlabDir: string;
  let workbench: Workbench;
  let app: FastifyInstance;
  let url: string;
  let browser: BrowserSession;
  let page: Page;
  /** How far the practice clock runs ahead of the real one. */
  let clockOffsetMs = 0;
  const practiceNow = () => new Date(Date.now() + clockOffsetMs);
  /** Requests to anywhere but the local server: mermaid and minisearch must come from the bundle, not a CDN. */
  const offHost: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureSiteBuilt();
    azlabDir = await mkdtemp(path.join(tmpdir(), "azlab-e2e-practice-"));
    workbench = await Workbench.open(repoPaths(REPO_ROOT, { azlabDir }));
    app = await buildApp({ workbench, practice: new PracticeService(workbench.paths.contentDir, azlabDir, practiceNow) });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium({ width: 1280, height: 900 });
    page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => {
      if (!request.url().startsWith(url) && !/^(data|blob):/.test(request.url())) offHost.push(request.url());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await workbench?.close();
    if (azlabDir) await rm(azlabDir, { recursive: true, force: true });
  });

  async function api<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${url}${pathAndQuery}`);
    expect(response.status, pathAndQuery).toBe(200);
    return (await response.json()) as T;
  }

  const stat = (name: string) => page.locator(`[data-stat=${name}] .stat-value`);

  it("lists the patterns and draws the Saga page's mermaid diagrams as SVG, from the bundle", async () => {
    await page.goto(`${url}/patterns`);
    await page.locator("[data-ready=true] .pattern-card").first().waitFor();
    expect(await page.locator(".pattern-card").count()).toBe(10);
    await page.locator(".pattern-card", { hasText: "Saga" }).getByRole("link", { name: "Saga" }).click();
    await page.waitForURL("**/patterns/saga");
    await page.getByRole("heading", { level: 1, name: "Saga" }).waitFor();
    await page.locator(".pattern-body[data-diagrams=rendered]").waitFor({ timeout: 60_000 });
    const diagrams = page.locator(".pattern-body figure.diagram[data-diagram=rendered] svg");
    expect(await diagrams.count()).toBe(2);
    expect(await page.locator(".pattern-body code.language-mermaid").count()).toBe(0);
    // A real drawing: boxes with the saga's steps in them, not an error graphic.
    expect(((await diagrams.first().textContent()) ?? "").length).toBeGreaterThan(20);
    expect(await page.locator("[data-diagram=failed]").count()).toBe(0);
    // Related labs link to the catalogue by title.
    await page.getByRole("list", { name: "Related labs" }).getByRole("link").first().waitFor();
    expect(offHost).toEqual([]);
  });

  it("gives every cheat-sheet section the id its search document links to", async () => {
    const { documents } = await api<{ documents: SearchDocument[] }>("/api/content/search-documents");
    const sections = documents.filter((doc) => doc.kind === "cheat-sheet");
    expect(sections.length).toBeGreaterThan(5);
    const target = sections.at(-1)!;
    await page.goto(`${url}${target.url}`);
    const anchor = target.url.split("#")[1]!;
    const heading = page.locator(`.cheat-sheet [id="${anchor}"]`);
    await heading.waitFor();
    const ids = await page.locator(".cheat-sheet h2[id], .cheat-sheet h3[id]").evaluateAll((nodes) => nodes.map((node) => node.id));
    for (const doc of sections) expect(ids).toContain(doc.url.split("#")[1]);
    // Opened at its anchor: the last section's heading is scrolled into view.
    await expect.poll(async () => heading.evaluate((node) => Math.round(node.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(200);
  });

  it("drills flashcards: Good and Again move the FSRS due dates, and a reload keeps it all", async () => {
    const { questions } = await api<{ questions: Question[] }>("/api/flashcards/due?area=storage");
    const [choiceCard, secondCard] = questions;
    expect(choiceCard && "options" in choiceCard && choiceCard.options).toBeTruthy();
    await page.goto(`${url}/practice/flashcards?area=storage`);
    await page.locator("[data-ready=true]").waitFor();
    expect(await stat("reviewed").textContent()).toBe("0");

    // A choice card: pick, check, and every option explains itself.
    const card = page.locator(`.question-card[data-question="${choiceCard!.id}"]`);
    await card.waitFor();
    const options = card.locator(".option");
    await options.first().locator("label").click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await card.locator(".verdict").waitFor();
    expect(await card.locator(".option-feedback").count()).toBe(await options.count());
    expect(await card.locator(".option[data-verdict=right], .option[data-verdict=missed]").count()).toBe(1);

    const rated = (id: string) => page.waitForResponse((r) => r.url().endsWith(`/api/flashcards/${id}/review`) && r.request().method() === "POST");
    const goodResponse = rated(choiceCard!.id);
    await page.getByRole("button", { name: /^Good/ }).click();
    const good = ((await (await goodResponse).json()) as { card: StoredCard }).card;
    await page.locator(".last-review[data-last-rating=good]").waitFor();

    // The next card; rated Again with the keyboard (key 1).
    const second = page.locator(`.question-card[data-question="${secondCard!.id}"]`);
    await second.waitFor();
    if (await second.getByRole("button", { name: "Check answer" }).count()) {
      await second.locator(".option label").first().click();
      await second.getByRole("button", { name: "Check answer" }).click();
    } else {
      await second.getByRole("button", { name: "Show answer" }).click();
    }
    await page.getByRole("button", { name: /^Again/ }).waitFor();
    const againResponse = rated(secondCard!.id);
    await page.locator("body").press("1");
    const again = ((await (await againResponse).json()) as { card: StoredCard }).card;
    await page.locator(".last-review[data-last-rating=again]").waitFor();
    await expect.poll(() => stat("reviewed").textContent()).toBe("2");

    // FSRS: a new card rated Good comes back after the 10-minute learning step, one rated Again after 1 minute.
    const minutesAhead = (card: StoredCard) => (new Date(card.due).getTime() - Date.now()) / 60_000;
    expect(minutesAhead(good)).toBeGreaterThan(8);
    expect(minutesAhead(good)).toBeLessThan(11);
    expect(minutesAhead(again)).toBeGreaterThan(0);
    expect(minutesAhead(again)).toBeLessThan(1.1);
    expect(again.lapses + again.reps).toBeGreaterThan(0);

    // Reload: progress is on the server. Neither card is due yet; the session moved on.
    await page.reload();
    await page.locator("[data-ready=true]").waitFor();
    expect(await stat("reviewed").textContent()).toBe("2");
    expect(await stat("streak").textContent()).toBe("1");
    const shown = await page.locator(".question-card").getAttribute("data-question");
    expect([choiceCard!.id, secondCard!.id]).not.toContain(shown);
    const dueNow = await api<{ questions: Question[] }>("/api/flashcards/due?area=storage");
    expect(dueNow.questions.map((q) => q.id)).not.toContain(choiceCard!.id);
    expect(dueNow.questions.map((q) => q.id)).not.toContain(secondCard!.id);

    // Two minutes later the Again card is due (and shown first); the Good card is still not.
    clockOffsetMs = 2 * 60_000;
    await page.reload();
    await page.locator(`.question-card[data-question="${secondCard!.id}"]`).waitFor();
    const later = await api<{ questions: Question[]; stats: { dueToday: number } }>("/api/flashcards/due?area=storage");
    expect(later.questions[0]?.id).toBe(secondCard!.id);
    expect(later.questions.map((q) => q.id)).not.toContain(choiceCard!.id);
    expect(later.stats.dueToday).toBe(1);
    expect(await stat("due").textContent()).toBe("1");
  });

  it("takes a 5-question practice exam, scores it per skill area with a review, and keeps it in the history", async () => {
    await page.goto(`${url}/practice/exam`);
    const count = page.getByLabel("Questions", { exact: true });
    await count.fill("5");
    await page.locator(".time-limit[data-minutes='10']").waitFor();
    const started = page.waitForResponse((r) => r.url().endsWith("/api/exams") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Start the exam" }).click();
    const exam = (await (await started).json()) as { id: string; questions: Array<{ id: string; area: string }> };
    expect(exam.questions).toHaveLength(5);
    await page.getByRole("timer").waitFor();

    for (let i = 0; i < 5; i += 1) {
      const question = page.locator(`.exam-question[data-question="${exam.questions[i]!.id}"]`);
      await question.waitFor();
      // No feedback while the exam runs.
      expect(await page.locator(".option-feedback, .verdict").count()).toBe(0);
      await question.locator(".option label").first().click();
      if (i === 1) {
        // A reload mid-exam resumes it: same question, same answers, the clock still running.
        await page.reload();
        await page.locator(`.exam-question[data-question="${exam.questions[1]!.id}"] input:checked`).waitFor();
        expect(await page.locator(".question-map .map-answered").count()).toBe(2);
        expect(await page.getByRole("timer").textContent()).toMatch(/^0\d:\d\d$/);
      }
      if (i < 4) await page.getByRole("button", { name: "Next" }).click();
    }
    // The map jumps back to any question, showing which are answered.
    expect(await page.locator(".question-map .map-answered").count()).toBe(5);
    await page.getByRole("button", { name: "Question 1, answered" }).click();
    await page.locator(`.exam-question[data-question="${exam.questions[0]!.id}"]`).waitFor();

    await page.getByRole("button", { name: "Submit exam" }).click();
    const result = page.locator(`[data-exam-result="${exam.id}"]`);
    await result.waitFor();
    const areas = new Set(exam.questions.map((q) => q.area));
    expect(await result.locator(".area-scores li").count()).toBe(areas.size);
    expect(await result.locator(".review-item").count()).toBe(5);
    expect(await result.locator(".review-item .explanation a[href^='https://learn.microsoft.com']").count()).toBe(5);
    expect(await result.locator(".review-item .option-feedback").count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator(".exam-score").textContent()).toMatch(/^\d of 5 correct \(\d+%\)$/);

    await page.reload();
    await page.locator(`.history-table tr[data-exam="${exam.id}"]`).waitFor();
    const history = await api<{ exams: Array<{ id: string; score: number | null }> }>("/api/exams");
    expect(history.exams[0]).toMatchObject({ id: exam.id, score: expect.any(Number) });
  });

  it("submits an exam by itself when its time is up, with the answers given so far", async () => {
    await page.goto(`${url}/practice/exam`);
    await page.getByLabel("Questions", { exact: true }).fill("2");
    const started = page.waitForResponse((r) => r.url().endsWith("/api/exams") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Start the exam" }).click();
    const exam = (await (await started).json()) as { id: string; questions: Array<{ id: string }> };
    await page.locator(`.exam-question[data-question="${exam.questions[0]!.id}"] .option label`).first().click();
    // Move the saved exam's deadline into the past, as if the learner had left the tab for too long.
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem("azlab.practice-exam"));
      session.deadline = Date.now() - 1000;
      localStorage.setItem("azlab.practice-exam", JSON.stringify(session));
    })()`);
    const submitted = page.waitForResponse((r) => r.url().endsWith(`/api/exams/${exam.id}/submit`));
    await page.reload();
    const body = (await (await submitted).json()) as { result: { review: Array<{ questionId: string; picked: string[] }> } };
    expect(body.result.review.find((answer) => answer.questionId === exam.questions[0]!.id)?.picked).toHaveLength(1);
    await page.locator(`[data-exam-result="${exam.id}"]`).waitFor();
    expect(await page.evaluate(`localStorage.getItem("azlab.practice-exam")`)).toBeNull();
  });

  it("runs a 2-question mock interview; the weak topic comes back as due flashcards", async () => {
    await page.goto(`${url}/practice/interview`);
    await page.getByLabel("Questions", { exact: true }).fill("2");
    const started = page.waitForResponse((r) => r.url().endsWith("/api/interviews") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Start the interview" }).click();
    const interview = (await (await started).json()) as { id: string; questions: Array<{ id: string; topic: string }> };
    const [first, second] = interview.questions;

    // First answer: no key point covered, so its topic is weak.
    let step = page.locator(`.interview-step[data-question="${first!.id}"]`);
    await step.getByLabel("Your answer").fill("I would add a cache and hope for the best.");
    await step.getByRole("button", { name: "Reveal key points" }).click();
    await step.locator(".key-point-ticks input[type=checkbox]").first().waitFor();
    await page.getByRole("button", { name: "Next question" }).click();

    // Second answer: every key point ticked.
    step = page.locator(`.interview-step[data-question="${second!.id}"]`);
    await step.getByLabel("Your answer").fill("A thorough answer.");
    await step.getByRole("button", { name: "Reveal key points" }).click();
    const ticks = step.locator(".key-point-ticks input[type=checkbox]");
    await ticks.first().waitFor();
    for (const tick of await ticks.all()) await tick.check();

    const finished = page.waitForResponse((r) => r.url().endsWith(`/api/interviews/${interview.id}/finish`));
    await page.getByRole("button", { name: "Finish the interview" }).click();
    const record = (await (await finished).json()) as { weakTopics: string[] };
    expect(record.weakTopics).toContain(first!.topic);
    const weak = page.locator(`[data-interview-result="${interview.id}"] .weak-topics li[data-topic="${first!.topic}"] a`);
    await weak.waitFor();

    // The weak topic's cards are due now, and its link opens them as flashcards.
    const due = await api<{ questions: Question[]; stats: { dueToday: number } }>(`/api/flashcards/due?topic=${first!.topic}`);
    expect(due.questions.map((q) => q.id)).toContain(first!.id);
    expect(due.stats.dueToday).toBeGreaterThan(0);
    await weak.click();
    await page.waitForURL(`**/practice/flashcards?topic=${first!.topic}`);
    await page.locator("[data-ready=true] .question-card").waitFor();
    expect(Number(await stat("due").textContent())).toBe(due.stats.dueToday);

    await page.goto(`${url}/practice/interview`);
    await page.locator(`.history-table tr[data-interview="${interview.id}"]`).waitFor();
  });

  it("shows the practice landing with the current numbers", async () => {
    await page.goto(`${url}/practice`);
    await page.locator("[data-ready=true]").waitFor();
    expect(await page.locator("[data-mode=exam] .mode-stat").textContent()).toMatch(/^Last: \d+%/);
    expect(await page.locator("[data-mode=flashcards] .mode-stat").textContent()).toMatch(/\d+ due, \d+ new today/);
    expect(await page.locator("[data-mode=interview] .mode-stat").textContent()).toMatch(/^Last: /);
  });

  it("finds Saga from the header search (\"/\" to focus, arrows, Enter) and on /search", async () => {
    await page.goto(`${url}/`);
    await page.locator("[data-ready=true]").waitFor();
    await page.locator("body").press("/");
    const box = page.getByRole("combobox", { name: /^Search the cheat sheet/ });
    await expect.poll(() => box.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
    await box.pressSequentially("Saga");
    const options = page.getByRole("option");
    await page.locator(".search-option[data-url='/patterns/saga']").waitFor();
    const urls = await options.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-url")));
    const target = urls.indexOf("/patterns/saga");
    for (let i = 0; i <= target; i += 1) await box.press("ArrowDown");
    expect(await page.locator(".search-option-active").getAttribute("data-url")).toBe("/patterns/saga");
    await box.press("Enter");
    await page.waitForURL("**/patterns/saga");
    await page.getByRole("heading", { level: 1, name: "Saga" }).waitFor();

    // A typo still finds it (fuzzy), on the full results page, grouped by kind.
    await page.goto(`${url}/search?q=sagga`);
    const patterns = page.locator(".search-group[data-kind=pattern]");
    await patterns.getByRole("link", { name: "Saga" }).click();
    await page.waitForURL("**/patterns/saga");

    // A question found by search opens on its own page, answerable there.
    await page.goto(`${url}/search?q=AzureWebJobsStorage`);
    await page.locator(".search-group[data-kind=question] a").first().click();
    await page.waitForURL("**/practice/questions/**");
    const card = page.locator(".question-card");
    await card.locator(".question-prompt").waitFor();
    if ((await card.locator(".option").count()) > 0) {
      await card.locator(".option label").first().click();
      await card.getByRole("button", { name: "Check answer" }).click();
      await card.locator(".verdict").waitFor();
    } else {
      await card.getByRole("button", { name: "Show answer" }).click();
      await card.locator(".key-points li").first().waitFor();
    }
    await card.locator(".explanation a[href^='https://learn.microsoft.com']").waitFor();
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
