import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestionBank } from "../../runner/src/content/load-questions.js";
import { areaQuotas, drawExam, isAutoGraded, scoreExam } from "../../runner/src/practice/index.js";
import { REPO_ROOT } from "../helpers/temp-repo.js";

const bank = await loadQuestionBank(join(REPO_ROOT, "content"));

describe("practice exam draw", () => {
  it("splits 40 questions by the midpoints of the exam's weight ranges", () => {
    // Midpoints 27.5, 17.5, 17.5, 7.5, 22.5 of 92.5, largest remainders first.
    expect(areaQuotas(40)).toEqual({ compute: 12, storage: 8, security: 7, monitor: 3, connect: 10 });
    expect(Object.values(areaQuotas(57)).reduce((a, b) => a + b)).toBe(57);
  });

  it("a seeded draw gives the right counts per area, only gradable exam questions, and repeats exactly", () => {
    const exam = drawExam(bank, { count: 40, seed: 42 });
    const byId = new Map(bank.map((q) => [q.id, q]));
    const counts: Record<string, number> = {};
    for (const id of exam.questionIds) {
      const question = byId.get(id)!;
      expect(isAutoGraded(question)).toBe(true);
      counts[question.area] = (counts[question.area] ?? 0) + 1;
    }
    expect(counts).toEqual({ compute: 12, storage: 8, security: 7, monitor: 3, connect: 10 });
    expect(new Set(exam.questionIds).size).toBe(40);
    expect(drawExam(bank, { count: 40, seed: 42 })).toEqual(exam);
    expect(drawExam(bank, { count: 40, seed: 43 }).questionIds).not.toEqual(exam.questionIds);
  });

  it("moves an area's shortfall to the others when the bank is small", () => {
    expect(areaQuotas(10, { compute: 1, storage: 10, security: 10, monitor: 10, connect: 10 })).toMatchObject({ compute: 1 });
    expect(Object.values(areaQuotas(10, { compute: 1, storage: 10, security: 10, monitor: 10, connect: 10 })).reduce((a, b) => a + b)).toBe(10);
  });

  it("scores exactly-right answers per area, with no partial credit for multiple choice", () => {
    const single = bank.find((q) => q.type === "single")!;
    const multiple = bank.find((q) => q.type === "multiple")!;
    const right = (q: (typeof bank)[number]) => ("options" in q && q.options ? q.options.filter((o) => o.correct).map((o) => o.id) : []);
    const result = scoreExam([single, multiple], { [single.id]: right(single), [multiple.id]: right(multiple).slice(0, 1) });
    expect(result.correct).toBe(1);
    expect(result.score).toBe(0.5);
    expect(result.review.map((r) => r.correct)).toEqual([true, false]);
    expect(result.review[1]!.explanation).toBe(multiple.explanation);
  });
});
