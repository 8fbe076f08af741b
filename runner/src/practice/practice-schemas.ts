// What practice keeps on disk under .azlab/: flashcard schedules and reviews, exam history, mock interviews.
import { z } from "zod";

export const StoredCardSchema = z.object({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number().int(),
  last_review: z.string().optional(),
});
export type StoredCard = z.infer<typeof StoredCardSchema>;

export const FlashcardsFileSchema = z.object({
  version: z.literal(1).default(1),
  cards: z.record(z.string(), StoredCardSchema).default({}),
  /** Local days (YYYY-MM-DD) with the number of reviews done, for the streak. */
  reviewDays: z.record(z.string(), z.number().int()).default({}),
  /** New cards introduced per day. */
  introduced: z.record(z.string(), z.number().int()).default({}),
});
export type FlashcardsFile = z.infer<typeof FlashcardsFileSchema>;

export const ExamRecordSchema = z.object({
  id: z.string(),
  seed: z.number(),
  questionIds: z.array(z.string()),
  startedAt: z.string(),
  minutes: z.number(),
  submittedAt: z.string().nullable().default(null),
  /** Submitted after the time limit (plus a minute's grace). */
  late: z.boolean().default(false),
  answers: z.record(z.string(), z.array(z.string())).default({}),
  score: z.number().nullable().default(null),
  byArea: z.record(z.string(), z.object({ correct: z.number(), total: z.number(), score: z.number() })).nullable().default(null),
});
export type ExamRecord = z.infer<typeof ExamRecordSchema>;

export const InterviewAnswerSchema = z.object({
  questionId: z.string(),
  answer: z.string().max(20_000),
  /** Indexes of the key points the learner says their answer covered. */
  covered: z.array(z.number().int().min(0)),
});

export const InterviewRecordSchema = z.object({
  id: z.string(),
  questionIds: z.array(z.string()),
  startedAt: z.string(),
  minutesPerQuestion: z.number(),
  finishedAt: z.string().nullable().default(null),
  answers: z.array(InterviewAnswerSchema).default([]),
  weakTopics: z.array(z.string()).default([]),
});
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;

export const HistoryFileSchema = z.object({
  version: z.literal(1).default(1),
  exams: z.array(ExamRecordSchema).default([]),
  interviews: z.array(InterviewRecordSchema).default([]),
});
