// Draws a practice exam: N auto-gradable questions spread over the AZ-204 skill areas in proportion to the
// midpoints of the exam's published weight ranges (largest-remainder rounding), shuffled by a seed.
import { EXAM_AREA_WEIGHTS, type ExamArea, type Question } from "../content/question-schema.js";
import { seededRandom, shuffled } from "./seeded-random.js";

export const DEFAULT_EXAM_SIZE = 40;

/** Questions an exam can grade by itself: choice questions and code questions with options. */
export function isAutoGraded(question: Question): boolean {
  return question.type === "single" || question.type === "multiple" || (question.type === "code" && question.options !== undefined);
}

export function areaQuotas(count: number, available: Partial<Record<ExamArea, number>> = {}): Record<ExamArea, number> {
  const areas = Object.keys(EXAM_AREA_WEIGHTS) as ExamArea[];
  const mid = (area: ExamArea) => (EXAM_AREA_WEIGHTS[area].min + EXAM_AREA_WEIGHTS[area].max) / 2;
  const total = areas.reduce((sum, area) => sum + mid(area), 0);
  const exact = areas.map((area) => ({ area, value: (count * mid(area)) / total }));
  const quotas = Object.fromEntries(exact.map(({ area, value }) => [area, Math.floor(value)])) as Record<ExamArea, number>;
  let left = count - Object.values(quotas).reduce((a, b) => a + b, 0);
  for (const { area } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left === 0) break;
    quotas[area] += 1;
    left -= 1;
  }
  // Where the bank holds fewer questions of an area than its quota, the rest goes to the other areas in order.
  let short = 0;
  for (const area of areas) {
    const limit = available[area];
    if (limit !== undefined && quotas[area] > limit) {
      short += quotas[area] - limit;
      quotas[area] = limit;
    }
  }
  for (const area of [...areas].sort((a, b) => mid(b) - mid(a))) {
    const room = (available[area] ?? Infinity) - quotas[area];
    const take = Math.min(room, short);
    quotas[area] += take;
    short -= take;
  }
  return quotas;
}

export interface DrawnExam {
  seed: number;
  questionIds: string[];
}

export function drawExam(bank: readonly Question[], options: { count?: number; seed?: number } = {}): DrawnExam {
  const count = options.count ?? DEFAULT_EXAM_SIZE;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const byArea = new Map<ExamArea, Question[]>();
  for (const question of bank) {
    if (!isAutoGraded(question) || !(question.area in EXAM_AREA_WEIGHTS)) continue;
    const area = question.area as ExamArea;
    byArea.set(area, [...(byArea.get(area) ?? []), question]);
  }
  const available = Object.fromEntries([...byArea].map(([area, questions]) => [area, questions.length]));
  const quotas = areaQuotas(count, available);
  const picked = Object.entries(quotas).flatMap(([area, quota]) => shuffled(byArea.get(area as ExamArea) ?? [], random).slice(0, quota));
  return { seed, questionIds: shuffled(picked, random).map((question) => question.id) };
}
