// The site's practice and content-library client against the runner's real routes (buildApp on a free port,
// the repository's content/, state in a throwaway .azlab/): each function must send the method, path and body
// of the contract and hand back what the server answered.
import { describe, expect, it, beforeAll, afterAll, beforeEach } from "vitest";
import type { FastifyInstance } from "fastify";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPaths } from "../../runner/src/repo-paths.js";
import { buildApp } from "../../runner/src/server/index.js";
import { Workbench } from "../../runner/src/workbench/index.js";
import { PracticeService, type QuestionPrompt, type FlashcardStats } from "../../runner/src/practice/index.js";
import { QUESTION_AREAS } from "../../runner/src/content/question-schema.js";
import type { PatternMeta, PatternPage } from "../../runner/src/content/pattern-pages.js";
import type { SearchDocument } from "../../runner/src/content/search-documents.js";
import { setApiBase, ApiError } from "../../site/src/api/http.js";
import * as api from "../../site/src/api/client.js";
import type * as Site from "../../site/src/api/types.js";
import { AREAS } from "../../site/src/practice/areas.js";
import { REPO_ROOT } from "../helpers/temp-repo.js";

// The site restates the shapes built in Node-only runner modules; these compile-time checks (npm run
// typecheck) fail as soon as the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: [
  Same<Site.QuestionPrompt, QuestionPrompt>,
  Same<Site.FlashcardStats, FlashcardStats>,
  Same<Site.PatternMeta, PatternMeta>,
  Same<Site.PatternPage, PatternPage>,
  Same<Site.SearchDocument, SearchDocument>,
] = [true, true, true, true, true];

interface Received {
  method: string;
  url: string;
  body: unknown;
}

let azlabDir: string;
let workbench: Workbench;
let app: FastifyInstance;
let received: Received[] = [];
const now = new Date("2025-03-10T09:00:00.000Z");

beforeAll(async () => {
  azlabDir = await mkdtemp(join(tmpdir(), "azlab-practice-client-"));
  workbench = await Workbench.open(repoPaths(REPO_ROOT, { azlabDir }));
  // A fixed clock: the FSRS due dates below are then exact.
  const practice = new PracticeService(workbench.paths.contentDir, azlabDir, () => now);
  app = await buildApp({ workbench, practice, siteDist: join(azlabDir, "no-site") });
  app.addHook("preHandler", async (request) => {
    received.push({ method: request.method, url: request.url, body: request.body });
  });
  setApiBase(await app.listen({ port: 0, host: "127.0.0.1" }));
});

afterAll(async () => {
  await app?.close();
  await workbench?.close();
  if (azlabDir) await rm(azlabDir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
});

const last = (): Received => received.at(-1)!;

describe("site practice client", () => {
  it("uses the same shapes as the runner's types, and the same areas", () => {
    expect(shapesAgree.every(Boolean)).toBe(true);
    expect(AREAS.map(({ id, label, kind }) => ({ id, label, kind }))).toEqual(QUESTION_AREAS.map(({ id, label, kind }) => ({ id, label, kind })));
  });

  it("listQuestions GETs the bank, filtered by area and topic", async () => {
    const all = await api.listQuestions();
    expect(last()).toMatchObject({ method: "GET", url: "/api/questions" });
    expect(all.questions.length).toBeGreaterThanOrEqual(300);
    const storage = await api.listQuestions({ area: "storage", topic: "" });
    expect(last().url).toBe("/api/questions?area=storage");
    expect(storage.questions.length).toBeGreaterThan(0);
    expect(storage.questions.every((q) => q.area === "storage")).toBe(true);
    const topic = storage.questions[0]!.topic;
    const one = await api.listQuestions({ area: "storage", topic });
    expect(last().url).toBe(`/api/questions?area=storage&topic=${topic}`);
    expect(one.questions.every((q) => q.topic === topic)).toBe(true);
  });

  it("getQuestion GETs one question with its answer and its prompt; an unknown id is a 404 with a hint", async () => {
    const { questions } = await api.listQuestions({ area: "patterns" });
    const id = questions[0]!.id;
    const detail = await api.getQuestion(id);
    expect(last()).toMatchObject({ method: "GET", url: `/api/questions/${id}` });
    expect(detail.question.id).toBe(id);
    expect(detail.prompt).toMatchObject({ id, area: "patterns" });
    const error = await api.getQuestion("no-such-question").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).body.hint).toContain("/api/questions");
  });

  it("getDueFlashcards GETs due cards with the filter and limit, and the stats", async () => {
    const due = await api.getDueFlashcards({ area: "connect", limit: 3 });
    expect(last()).toMatchObject({ method: "GET", url: "/api/flashcards/due?area=connect&limit=3" });
    expect(due.questions).toHaveLength(3);
    expect(due.questions.every((q) => q.area === "connect")).toBe(true);
    expect(due.stats).toMatchObject({ dueToday: 0, reviewedToday: 0, streak: 0 });
    expect(due.stats.forecast).toHaveLength(7);
  });

  it("reviewFlashcard POSTs the rating and returns the card FSRS scheduled", async () => {
    const { questions } = await api.getDueFlashcards({ area: "security", limit: 2 });
    const [first, second] = questions;
    const good = await api.reviewFlashcard(first!.id, "good");
    expect(last()).toMatchObject({ method: "POST", url: `/api/flashcards/${first!.id}/review`, body: { rating: "good" } });
    const again = await api.reviewFlashcard(second!.id, "again");
    // A new card rated Good comes back after the longer learning step than one rated Again.
    expect(new Date(good.card.due).getTime()).toBeGreaterThan(new Date(again.card.due).getTime());
    expect(new Date(again.card.due).getTime()).toBeGreaterThan(now.getTime());
    expect(again.card.reps).toBe(1);
    expect(again.stats.reviewedToday).toBe(2);
    expect(again.stats.streak).toBe(1);
  });

  it("startExam POSTs the options; submitExam POSTs the answers and gets the score by area; listExams has it", async () => {
    const exam = await api.startExam({ count: 4, seed: 7, minutes: 9 });
    expect(last()).toMatchObject({ method: "POST", url: "/api/exams", body: { count: 4, seed: 7, minutes: 9 } });
    expect(exam).toMatchObject({ seed: 7, minutes: 9 });
    expect(exam.questions).toHaveLength(4);
    expect(JSON.stringify(exam.questions)).not.toContain('"correct"');

    const first = exam.questions[0]!;
    const submitted = await api.submitExam(exam.id, { [first.id]: [first.options![0]!.id] });
    expect(last()).toMatchObject({ method: "POST", url: `/api/exams/${exam.id}/submit`, body: { answers: { [first.id]: [first.options![0]!.id] } } });
    expect(submitted.result.total).toBe(4);
    expect(Object.values(submitted.result.byArea).reduce((sum, area) => sum + area.total, 0)).toBe(4);
    expect(submitted.result.review[0]).toMatchObject({ questionId: first.id, picked: [first.options![0]!.id] });

    const history = await api.listExams();
    expect(last()).toMatchObject({ method: "GET", url: "/api/exams" });
    expect(history.exams[0]).toMatchObject({ id: exam.id, score: submitted.result.score });
  });

  it("startInterview POSTs the options; finishInterview POSTs the answers and gets weak topics; listInterviews has it", async () => {
    const interview = await api.startInterview({ count: 2, seed: 3, minutesPerQuestion: 2 });
    expect(last()).toMatchObject({ method: "POST", url: "/api/interviews", body: { count: 2, seed: 3, minutesPerQuestion: 2 } });
    expect(interview.questions).toHaveLength(2);
    expect(interview.minutesPerQuestion).toBe(2);

    const answers = interview.questions.map((q) => ({ questionId: q.id, answer: "I would use a queue.", covered: [] }));
    const finished = await api.finishInterview(interview.id, answers);
    expect(last()).toMatchObject({ method: "POST", url: `/api/interviews/${interview.id}/finish`, body: { answers } });
    expect(finished.weakTopics.length).toBeGreaterThan(0);
    expect(finished.finishedAt).not.toBeNull();

    const history = await api.listInterviews();
    expect(last()).toMatchObject({ method: "GET", url: "/api/interviews" });
    expect(history.interviews[0]).toMatchObject({ id: interview.id, weakTopics: finished.weakTopics });
  });

  it("listPatterns and getPattern GET the pattern pages", async () => {
    const { patterns } = await api.listPatterns();
    expect(last()).toMatchObject({ method: "GET", url: "/api/content/patterns" });
    expect(patterns.map((p) => p.id)).toContain("saga");
    const saga = await api.getPattern("saga");
    expect(last().url).toBe("/api/content/patterns/saga");
    expect(saga.meta.title).toBe("Saga");
    expect(saga.markdown).toContain("```mermaid");
    const error = await api.getPattern("sagaa").catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(404);
  });

  it("getSearchDocuments GETs every searchable document with its page's URL", async () => {
    const { documents } = await api.getSearchDocuments();
    expect(last()).toMatchObject({ method: "GET", url: "/api/content/search-documents" });
    expect(new Set(documents.map((d) => d.kind))).toEqual(new Set(["cheat-sheet", "pattern", "question", "lab"]));
    expect(documents.find((d) => d.id === "pattern:saga")?.url).toBe("/patterns/saga");
  });
});
