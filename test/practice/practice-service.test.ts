// Flashcards (FSRS), exams and mock interviews through PracticeService with a controlled clock, state on disk.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PracticeService } from "../../runner/src/practice/index.js";
import { REPO_ROOT } from "../helpers/temp-repo.js";

let dir: string;
let now: Date;
const clock = () => new Date(now);
const service = () => new PracticeService(join(REPO_ROOT, "content"), dir, clock);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "azlab-practice-"));
  now = new Date("2026-03-10T09:00:00Z");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("flashcards", () => {
  it("offers new cards up to the daily limit, filtered by area", async () => {
    const { questions, stats } = await service().dueCards({ area: "storage" });
    expect(questions).toHaveLength(20);
    expect(questions.every((q) => q.area === "storage")).toBe(true);
    expect(stats).toMatchObject({ dueToday: 0, newToday: 20, streak: 0 });
  });

  it("moves the due date by the rating: Good far later than Again, and keeps it after a restart", async () => {
    const first = await service().dueCards({ area: "security" });
    const [a, b] = first.questions;
    const again = await service().review(a!.id, "again");
    const good = await service().review(b!.id, "good");
    expect(new Date(again.card.due).getTime() - now.getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect(new Date(good.card.due).getTime()).toBeGreaterThan(new Date(again.card.due).getTime());
    // A fresh service reads the same schedule from disk.
    const reloaded = await service().flashcards.read();
    expect(reloaded.cards[b!.id]!.due).toBe(good.card.due);
    // FSRS's learning steps: Again comes back after a minute, Good after ten. Two minutes later only Again is due.
    now = new Date(now.getTime() + 2 * 60_000);
    const later = await service().dueCards({ area: "security" });
    expect(later.questions[0]!.id).toBe(a!.id);
    expect(later.stats.dueToday).toBe(1);
  });

  it("counts a streak of consecutive review days and forecasts due cards", async () => {
    const practice = service();
    const [q] = (await practice.dueCards()).questions;
    await practice.review(q!.id, "good");
    now = new Date("2026-03-11T09:00:00Z");
    const { stats } = await practice.review(q!.id, "easy");
    expect(stats.streak).toBe(2);
    expect(stats.forecast).toHaveLength(7);
    expect(stats.forecast.reduce((sum, day) => sum + day.due, 0)).toBeLessThanOrEqual(1);
  });

  it("refuses an unknown question id", async () => {
    await expect(service().review("no-such-question", "good")).rejects.toThrow(/No question with id/);
  });
});

describe("practice exam", () => {
  it("hides answers until submission, then scores per area and keeps the history", async () => {
    const practice = service();
    const { exam, questions } = await practice.startExam({ count: 10, seed: 7 });
    expect(questions).toHaveLength(10);
    expect(JSON.stringify(questions)).not.toMatch(/"correct"|"explanation"/);
    const bank = await practice.questions();
    const answers = Object.fromEntries(
      questions.map((q) => {
        const full = bank.find((b) => b.id === q.id)!;
        return [q.id, "options" in full && full.options ? full.options.filter((o) => o.correct).map((o) => o.id) : []];
      }),
    );
    const { result } = await practice.submitExam(exam.id, answers);
    expect(result.score).toBe(1);
    expect(Object.values(result.byArea).reduce((sum, area) => sum + area.total, 0)).toBe(10);
    await expect(practice.submitExam(exam.id, answers)).rejects.toThrow(/already submitted/);
    expect((await service().examHistory())[0]).toMatchObject({ id: exam.id, score: 1 });
  });
});

describe("mock interview", () => {
  it("feeds topics answered weakly back into the flashcard queue, due now", async () => {
    const practice = service();
    const { interview, questions } = await practice.startInterview({ count: 3, seed: 3 });
    expect(questions).toHaveLength(3);
    const bank = await practice.questions();
    const [weak, ...strong] = questions.map((q) => bank.find((b) => b.id === q.id)!);
    const keyPoints = (q: typeof weak) => ("keyPoints" in q! && q!.keyPoints ? q!.keyPoints : []);
    const finished = await practice.finishInterview(interview.id, [
      { questionId: weak!.id, answer: "not sure", covered: [] },
      ...strong.map((q) => ({ questionId: q.id, answer: "full answer", covered: keyPoints(q).map((_, i) => i) })),
    ]);
    expect(finished.weakTopics).toContain(weak!.topic);
    const due = await practice.dueCards({ topic: weak!.topic });
    expect(due.stats.dueToday).toBeGreaterThan(0);
    expect(due.questions.map((q) => q.id)).toContain(weak!.id);
  });
});
