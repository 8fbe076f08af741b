// Practice and content-library routes in-process, with state in a throwaway .azlab/.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoPaths } from "../../runner/src/repo-paths.js";
import { buildApp } from "../../runner/src/server/index.js";
import { Workbench } from "../../runner/src/workbench/index.js";
import { REPO_ROOT } from "../helpers/temp-repo.js";

let azlabDir: string;
let workbench: Workbench;
let app: FastifyInstance;

beforeAll(async () => {
  azlabDir = await mkdtemp(join(tmpdir(), "azlab-practice-api-"));
  workbench = await Workbench.open(repoPaths(REPO_ROOT, { azlabDir }));
  app = await buildApp({ workbench, siteDist: join(azlabDir, "no-site") });
});
afterAll(async () => {
  await app.close();
  await workbench.close();
  await rm(azlabDir, { recursive: true, force: true });
});

const json = (response: { body: string }) => JSON.parse(response.body);

describe("practice API", () => {
  it("serves due flashcards and records a review", async () => {
    const due = json(await app.inject({ method: "GET", url: "/api/flashcards/due?area=connect&limit=5" }));
    expect(due.questions).toHaveLength(5);
    const id = due.questions[0].id;
    const review = json(await app.inject({ method: "POST", url: `/api/flashcards/${id}/review`, payload: { rating: "good" } }));
    expect(new Date(review.card.due).getTime()).toBeGreaterThan(Date.now());
    expect(review.stats.reviewedToday).toBe(1);
    // The stats are those of the filter, as /due gives them: one new card of this area was used up.
    const filtered = json(await app.inject({ method: "POST", url: `/api/flashcards/${due.questions[1].id}/review`, payload: { rating: "again", area: "connect" } }));
    expect(filtered.stats.newToday).toBe(18);
    const bad = await app.inject({ method: "POST", url: `/api/flashcards/${id}/review`, payload: { rating: "perfect" } });
    expect(bad.statusCode).toBe(400);
  });

  it("runs a practice exam: questions without answers, then a scored review", async () => {
    const exam = json(await app.inject({ method: "POST", url: "/api/exams", payload: { count: 5, seed: 1 } }));
    expect(exam.questions).toHaveLength(5);
    expect(exam.minutes).toBe(10);
    expect(JSON.stringify(exam.questions)).not.toContain('"correct"');
    const resumed = json(await app.inject({ method: "GET", url: `/api/exams/${exam.id}` }));
    expect(resumed).toMatchObject({ id: exam.id, minutes: 10, submittedAt: null });
    expect(resumed.questions.map((q: { id: string }) => q.id)).toEqual(exam.questions.map((q: { id: string }) => q.id));
    const submitted = json(await app.inject({ method: "POST", url: `/api/exams/${exam.id}/submit`, payload: { answers: {} } }));
    expect(submitted.result).toMatchObject({ correct: 0, total: 5, score: 0 });
    expect(submitted.exam.late).toBe(false);
    expect(submitted.result.review[0].explanation).toEqual(expect.any(String));
    expect(json(await app.inject({ method: "GET", url: "/api/exams" })).exams).toHaveLength(1);
  });

  it("runs a mock interview and reports weak topics", async () => {
    const interview = json(await app.inject({ method: "POST", url: "/api/interviews", payload: { count: 2, seed: 5 } }));
    const answers = interview.questions.map((q: { id: string }) => ({ questionId: q.id, answer: "", covered: [] }));
    const finished = json(await app.inject({ method: "POST", url: `/api/interviews/${interview.id}/finish`, payload: { answers } }));
    expect(finished.weakTopics.length).toBeGreaterThan(0);
    const detail = json(await app.inject({ method: "GET", url: `/api/questions/${interview.questions[0].id}` }));
    expect(detail.question.keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});

describe("content library API", () => {
  it("lists the ten pattern pages and serves one without its front matter", async () => {
    const list = json(await app.inject({ method: "GET", url: "/api/content/patterns" }));
    expect(list.patterns.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(["cache-aside", "saga", "outbox", "strangler-fig", "competing-consumers"]));
    const page = json(await app.inject({ method: "GET", url: "/api/content/patterns/saga" }));
    expect(page.meta.title).toBe("Saga");
    expect(page.markdown).toContain("```mermaid");
    expect(page.markdown.startsWith("---")).toBe(false);
    expect((await app.inject({ method: "GET", url: "/api/content/patterns/nope" })).statusCode).toBe(404);
  });

  it("gives search documents for the cheat sheet, patterns, questions and labs", async () => {
    const { documents } = json(await app.inject({ method: "GET", url: "/api/content/search-documents" }));
    const kinds = new Set(documents.map((d: { kind: string }) => d.kind));
    expect([...kinds].sort()).toEqual(["cheat-sheet", "lab", "pattern", "question"]);
    expect(documents.filter((d: { kind: string }) => d.kind === "question").length).toBeGreaterThanOrEqual(300);
  });
});
