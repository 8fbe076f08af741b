// Practice over the question bank, kept on disk under .azlab/: flashcards (FSRS), practice exams and mock
// interviews. The site's pages and `azlab quiz` both use this.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { loadQuestionBank } from "../content/load-questions.js";
import type { Question } from "../content/question-schema.js";
import { AzlabError } from "../errors.js";
import { JsonStore } from "../store/json-store.js";
import { drawExam, DEFAULT_EXAM_SIZE } from "./exam-draw.js";
import { scoreExam, type ExamResult } from "./exam-score.js";
import { dayOf, forecast, NEW_CARDS_PER_DAY, rate, streak, type RatingName } from "./flashcard-scheduler.js";
import { FlashcardsFileSchema, HistoryFileSchema, type ExamRecord, type InterviewRecord, type StoredCard } from "./practice-schemas.js";
import { drawInterview, weakTopics } from "./mock-interview.js";

export interface QuestionFilter {
  area?: string;
  topic?: string;
}

export interface FlashcardStats {
  dueToday: number;
  newToday: number;
  reviewedToday: number;
  streak: number;
  forecast: Array<{ day: string; due: number }>;
}

/** A question as shown before it is answered: no correct flags, explanations, model answers or key points. */
export type QuestionPrompt = Pick<Question, "id" | "area" | "topic" | "difficulty" | "type" | "prompt"> & {
  code?: string;
  options?: Array<{ id: string; text: string }>;
  multiple: boolean;
};

export function toPrompt(question: Question): QuestionPrompt {
  const options = "options" in question && question.options ? question.options.map(({ id, text }) => ({ id, text })) : undefined;
  return {
    id: question.id,
    area: question.area,
    topic: question.topic,
    difficulty: question.difficulty,
    type: question.type,
    prompt: question.prompt,
    ...("code" in question && question.code ? { code: question.code } : {}),
    ...(options ? { options } : {}),
    multiple: question.type === "multiple",
  };
}

const matches = (question: Question, filter: QuestionFilter) =>
  (!filter.area || question.area === filter.area) && (!filter.topic || question.topic === filter.topic);

export class PracticeService {
  private bank: Promise<Question[]> | undefined;
  readonly flashcards: JsonStore<typeof FlashcardsFileSchema>;
  readonly history: JsonStore<typeof HistoryFileSchema>;

  constructor(
    private readonly contentDir: string,
    azlabDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.flashcards = new JsonStore(join(azlabDir, "flashcards.json"), FlashcardsFileSchema);
    this.history = new JsonStore(join(azlabDir, "practice-history.json"), HistoryFileSchema);
  }

  questions(): Promise<Question[]> {
    this.bank ??= loadQuestionBank(this.contentDir);
    this.bank.catch(() => (this.bank = undefined));
    return this.bank;
  }

  async question(id: string): Promise<Question> {
    const question = (await this.questions()).find((q) => q.id === id);
    if (!question) throw new AzlabError(`No question with id "${id}"`, "Question ids are listed by GET /api/questions.", 404);
    return question;
  }

  // Flashcards

  async dueCards(filter: QuestionFilter = {}, limit = 50): Promise<{ questions: Question[]; stats: FlashcardStats }> {
    const now = this.clock();
    const today = dayOf(now);
    const file = await this.flashcards.read();
    const candidates = (await this.questions()).filter((question) => matches(question, filter));
    const due = candidates.filter((q) => file.cards[q.id] && new Date(file.cards[q.id]!.due) <= now);
    due.sort((a, b) => file.cards[a.id]!.due.localeCompare(file.cards[b.id]!.due));
    const newAllowed = Math.max(0, NEW_CARDS_PER_DAY - (file.introduced[today] ?? 0));
    const fresh = candidates.filter((q) => !file.cards[q.id]).slice(0, newAllowed);
    return { questions: [...due, ...fresh].slice(0, limit), stats: this.stats(file, now, due.length, fresh.length) };
  }

  private stats(file: { cards: Record<string, StoredCard>; reviewDays: Record<string, number> }, now: Date, dueToday: number, newToday: number): FlashcardStats {
    return {
      dueToday,
      newToday,
      reviewedToday: file.reviewDays[dayOf(now)] ?? 0,
      streak: streak(Object.keys(file.reviewDays), now),
      forecast: forecast(Object.values(file.cards), now),
    };
  }

  /** Rates a card; the stats returned are those of `filter`, as GET /api/flashcards/due gives them. */
  async review(questionId: string, rating: RatingName, filter: QuestionFilter = {}): Promise<{ card: StoredCard; stats: FlashcardStats }> {
    await this.question(questionId);
    const now = this.clock();
    const today = dayOf(now);
    const card = await this.flashcards.update((file) => {
      if (!file.cards[questionId]) file.introduced[today] = (file.introduced[today] ?? 0) + 1;
      const rated = rate(file.cards[questionId], rating, now);
      file.cards[questionId] = rated;
      file.reviewDays[today] = (file.reviewDays[today] ?? 0) + 1;
      return rated;
    });
    return { card, stats: (await this.dueCards(filter, 1)).stats };
  }

  /** Weak topics from a mock interview come back as flashcards due now. */
  async makeDueNow(questionIds: string[]): Promise<void> {
    const now = this.clock().toISOString();
    await this.flashcards.update((file) => {
      for (const id of questionIds) {
        // A card never seen starts as a lapse (rated Again); either way it is due now.
        file.cards[id] = { ...(file.cards[id] ?? rate(undefined, "again", new Date(now))), due: now };
      }
    });
  }

  // Practice exams

  async startExam(options: { count?: number; seed?: number; minutes?: number } = {}): Promise<{ exam: ExamRecord; questions: QuestionPrompt[] }> {
    const bank = await this.questions();
    const count = options.count ?? DEFAULT_EXAM_SIZE;
    const drawn = drawExam(bank, { count, seed: options.seed });
    const exam: ExamRecord = {
      id: randomUUID(),
      seed: drawn.seed,
      questionIds: drawn.questionIds,
      startedAt: this.clock().toISOString(),
      // The real exam allows about 100 minutes for 40-60 questions: 2 minutes a question by default.
      minutes: options.minutes ?? Math.max(5, Math.round(count * 2)),
      submittedAt: null,
      late: false,
      answers: {},
      score: null,
      byArea: null,
    };
    await this.history.update((file) => void file.exams.push(exam));
    const byId = new Map(bank.map((q) => [q.id, q]));
    return { exam, questions: exam.questionIds.map((id) => toPrompt(byId.get(id)!)) };
  }

  /** An exam in progress (to resume it in another tab or browser): its questions without answers. */
  async exam(examId: string): Promise<{ exam: ExamRecord; questions: QuestionPrompt[] }> {
    const exam = (await this.history.read()).exams.find((e) => e.id === examId);
    if (!exam) throw new AzlabError(`No practice exam "${examId}"`, "Start one with POST /api/exams.", 404);
    const byId = new Map((await this.questions()).map((q) => [q.id, q]));
    return { exam, questions: exam.questionIds.flatMap((id) => (byId.has(id) ? [toPrompt(byId.get(id)!)] : [])) };
  }

  async submitExam(examId: string, answers: Record<string, string[]>): Promise<{ exam: ExamRecord; result: ExamResult }> {
    const bank = await this.questions();
    const byId = new Map(bank.map((q) => [q.id, q]));
    return this.history.update((file) => {
      const exam = file.exams.find((e) => e.id === examId);
      if (!exam) throw new AzlabError(`No practice exam "${examId}"`, "Start one with POST /api/exams.", 404);
      if (exam.submittedAt) throw new AzlabError("This exam was already submitted", "Start a new practice exam to try again.", 409);
      const questions = exam.questionIds.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
      const result = scoreExam(questions, answers);
      const now = this.clock();
      exam.submittedAt = now.toISOString();
      // Scored either way (answers are never thrown away), but marked when past the limit plus a minute's grace.
      exam.late = now.getTime() > new Date(exam.startedAt).getTime() + (exam.minutes + 1) * 60_000;
      exam.answers = Object.fromEntries(Object.entries(answers).filter(([id]) => exam.questionIds.includes(id)));
      exam.score = result.score;
      exam.byArea = result.byArea;
      return { exam, result };
    });
  }

  async examHistory(): Promise<ExamRecord[]> {
    return (await this.history.read()).exams.filter((exam) => exam.submittedAt).reverse();
  }

  // Mock interviews

  async startInterview(options: { count?: number; seed?: number; minutesPerQuestion?: number } = {}): Promise<{ interview: InterviewRecord; questions: QuestionPrompt[] }> {
    const bank = await this.questions();
    const ids = drawInterview(bank, options);
    const interview: InterviewRecord = {
      id: randomUUID(),
      questionIds: ids,
      startedAt: this.clock().toISOString(),
      minutesPerQuestion: options.minutesPerQuestion ?? 4,
      finishedAt: null,
      answers: [],
      weakTopics: [],
    };
    await this.history.update((file) => void file.interviews.push(interview));
    const byId = new Map(bank.map((q) => [q.id, q]));
    return { interview, questions: ids.map((id) => toPrompt(byId.get(id)!)) };
  }

  async finishInterview(interviewId: string, answers: InterviewRecord["answers"]): Promise<InterviewRecord> {
    const bank = await this.questions();
    const finished = await this.history.update((file) => {
      const interview = file.interviews.find((i) => i.id === interviewId);
      if (!interview) throw new AzlabError(`No mock interview "${interviewId}"`, "Start one with POST /api/interviews.", 404);
      if (interview.finishedAt) throw new AzlabError("This interview was already finished", "Start a new mock interview.", 409);
      interview.answers = answers.filter((answer) => interview.questionIds.includes(answer.questionId));
      interview.weakTopics = weakTopics(bank, interview.answers);
      interview.finishedAt = this.clock().toISOString();
      return interview;
    });
    const weak = new Set(finished.weakTopics);
    await this.makeDueNow(bank.filter((q) => weak.has(q.topic)).slice(0, 30).map((q) => q.id));
    return finished;
  }

  async interviewHistory(): Promise<InterviewRecord[]> {
    return (await this.history.read()).interviews.filter((i) => i.finishedAt).reverse();
  }
}
