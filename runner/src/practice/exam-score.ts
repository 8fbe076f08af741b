// Scores a submitted practice exam: a choice question counts when exactly the correct options were picked
// (as on the real exam, no partial credit), with a score per skill area and every answer's explanation.
import type { Question, QuestionOption } from "../content/question-schema.js";

export interface ExamAnswerReview {
  questionId: string;
  area: string;
  picked: string[];
  correctOptions: string[];
  correct: boolean;
  explanation: string;
  options: QuestionOption[];
  source: string;
}

export interface ExamResult {
  correct: number;
  total: number;
  score: number;
  byArea: Record<string, { correct: number; total: number; score: number }>;
  review: ExamAnswerReview[];
}

export function scoreExam(questions: readonly Question[], answers: Record<string, string[] | undefined>): ExamResult {
  const byArea: ExamResult["byArea"] = {};
  const review: ExamAnswerReview[] = [];
  for (const question of questions) {
    const options = "options" in question && question.options ? question.options : [];
    const correctOptions = options.filter((option) => option.correct).map((option) => option.id).sort();
    const picked = [...new Set(answers[question.id] ?? [])].sort();
    const correct = picked.length === correctOptions.length && picked.every((id, i) => id === correctOptions[i]);
    const area = (byArea[question.area] ??= { correct: 0, total: 0, score: 0 });
    area.total += 1;
    if (correct) area.correct += 1;
    review.push({ questionId: question.id, area: question.area, picked, correctOptions, correct, explanation: question.explanation, options, source: question.source });
  }
  for (const area of Object.values(byArea)) area.score = area.correct / area.total;
  const correct = review.filter((answer) => answer.correct).length;
  return { correct, total: questions.length, score: questions.length ? correct / questions.length : 0, byArea, review };
}
