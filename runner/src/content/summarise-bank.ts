// Counts of the question bank per area and type: for the content test's printout and the closing notes.
import {
  EXAM_AREA_WEIGHTS,
  QUESTION_AREAS,
  QUESTION_TYPES,
  type ExamArea,
  type Question,
  type QuestionArea,
  type QuestionType,
} from "./question-schema.js";

export interface BankSummary {
  total: number;
  byArea: Record<QuestionArea, number>;
  byType: Record<QuestionType, number>;
  byAreaAndType: Record<QuestionArea, Record<QuestionType, number>>;
  /** Each exam area's share of the exam-area questions, in percent, beside the exam's published range. */
  examShare: Record<ExamArea, { percent: number; min: number; max: number }>;
  /** Renders the counts as a plain-text table. */
  format(): string;
}

export function summariseBank(questions: readonly Question[]): BankSummary {
  const zeroTypes = () => Object.fromEntries(QUESTION_TYPES.map((type) => [type, 0])) as Record<QuestionType, number>;
  const byArea = Object.fromEntries(QUESTION_AREAS.map((area) => [area.id, 0])) as Record<QuestionArea, number>;
  const byType = zeroTypes();
  const byAreaAndType = Object.fromEntries(QUESTION_AREAS.map((area) => [area.id, zeroTypes()])) as Record<
    QuestionArea,
    Record<QuestionType, number>
  >;
  for (const q of questions) {
    byArea[q.area] += 1;
    byType[q.type] += 1;
    byAreaAndType[q.area][q.type] += 1;
  }

  const examAreas = Object.keys(EXAM_AREA_WEIGHTS) as ExamArea[];
  const examTotal = examAreas.reduce((sum, area) => sum + byArea[area], 0);
  const examShare = Object.fromEntries(
    examAreas.map((area) => [
      area,
      { percent: examTotal === 0 ? 0 : (100 * byArea[area]) / examTotal, ...EXAM_AREA_WEIGHTS[area] },
    ]),
  ) as BankSummary["examShare"];

  const summary: Omit<BankSummary, "format"> = { total: questions.length, byArea, byType, byAreaAndType, examShare };
  return { ...summary, format: () => formatSummary(summary) };
}

function formatSummary(summary: Omit<BankSummary, "format">): string {
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const header = ["area".padEnd(24), ...QUESTION_TYPES.map((type) => pad(type, 9)), pad("total", 7), "  exam share"];
  const rows = QUESTION_AREAS.map((area) => {
    const share = area.kind === "exam" ? summary.examShare[area.id] : undefined;
    return [
      area.id.padEnd(24),
      ...QUESTION_TYPES.map((type) => pad(summary.byAreaAndType[area.id][type], 9)),
      pad(summary.byArea[area.id], 7),
      share ? `  ${share.percent.toFixed(1)}% (exam ${share.min}-${share.max}%)` : "",
    ].join("");
  });
  const totals = [
    "total".padEnd(24),
    ...QUESTION_TYPES.map((type) => pad(summary.byType[type], 9)),
    pad(summary.total, 7),
  ].join("");
  const mix = QUESTION_TYPES.map(
    (type) => `${type} ${summary.total === 0 ? 0 : Math.round((100 * summary.byType[type]) / summary.total)}%`,
  ).join(", ");
  return [header.join(""), ...rows, totals, `type mix: ${mix}`].join("\n");
}
