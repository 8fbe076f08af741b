// /api/questions, /api/flashcards, /api/exams, /api/interviews: interview practice over the question bank.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { toPrompt, type PracticeService } from "../../practice/index.js";
import { InterviewAnswerSchema } from "../../practice/practice-schemas.js";

const Filter = z.object({ area: z.string().optional(), topic: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
const Review = z.object({ rating: z.enum(["again", "hard", "good", "easy"]), area: z.string().optional(), topic: z.string().optional() });
const IdParams = z.object({ id: z.string().min(1).max(200) });
const StartExam = z.object({
  count: z.number().int().min(1).max(120).optional(),
  seed: z.number().int().min(0).optional(),
  minutes: z.number().int().min(1).max(300).optional(),
});
const SubmitExam = z.object({ answers: z.record(z.string(), z.array(z.string().max(4)).max(8)) });
const StartInterview = z.object({
  count: z.number().int().min(1).max(20).optional(),
  seed: z.number().int().min(0).optional(),
  minutesPerQuestion: z.number().int().min(1).max(30).optional(),
});
const FinishInterview = z.object({ answers: z.array(InterviewAnswerSchema).max(50) });

export default async function practiceRoutes(app: FastifyInstance, options: { practice: PracticeService }): Promise<void> {
  const { practice } = options;

  /** The bank, with answers: for browsing and flashcards (self-study). */
  app.get("/api/questions", async (request) => {
    const filter = Filter.parse(request.query);
    const questions = (await practice.questions()).filter((q) => (!filter.area || q.area === filter.area) && (!filter.topic || q.topic === filter.topic));
    return { questions };
  });

  app.get("/api/flashcards/due", async (request) => {
    const { limit, ...filter } = Filter.parse(request.query);
    return practice.dueCards(filter, limit);
  });

  app.post("/api/flashcards/:id/review", async (request) => {
    const { id } = IdParams.parse(request.params);
    const { rating, ...filter } = Review.parse(request.body);
    return practice.review(id, rating, filter);
  });

  /** Starts a timed exam: the questions come without answers; the server keeps them until submission. */
  app.post("/api/exams", async (request) => {
    const { exam, questions } = await practice.startExam(StartExam.parse(request.body ?? {}));
    return { id: exam.id, seed: exam.seed, startedAt: exam.startedAt, minutes: exam.minutes, questions };
  });

  app.get("/api/exams/:id", async (request) => {
    const { exam, questions } = await practice.exam(IdParams.parse(request.params).id);
    return { id: exam.id, seed: exam.seed, startedAt: exam.startedAt, minutes: exam.minutes, submittedAt: exam.submittedAt, questions };
  });

  app.post("/api/exams/:id/submit", async (request) => {
    const { id } = IdParams.parse(request.params);
    return practice.submitExam(id, SubmitExam.parse(request.body).answers);
  });

  app.get("/api/exams", async () => ({ exams: await practice.examHistory() }));

  app.post("/api/interviews", async (request) => {
    const { interview, questions } = await practice.startInterview(StartInterview.parse(request.body ?? {}));
    return { id: interview.id, startedAt: interview.startedAt, minutesPerQuestion: interview.minutesPerQuestion, questions };
  });

  /** The key points and model answer of one interview question, shown after the learner answered it. */
  app.get("/api/questions/:id", async (request) => {
    const { id } = IdParams.parse(request.params);
    const question = await practice.question(id);
    return { question, prompt: toPrompt(question) };
  });

  app.post("/api/interviews/:id/finish", async (request) => {
    const { id } = IdParams.parse(request.params);
    return practice.finishInterview(id, FinishInterview.parse(request.body).answers);
  });

  app.get("/api/interviews", async () => ({ interviews: await practice.interviewHistory() }));
}
