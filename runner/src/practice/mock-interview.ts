// A mock interview: free-answer questions (interview areas first, then free and code questions from the exam
// areas), answered in words and self-scored against the key points; topics answered weakly are returned.
import type { Question } from "../content/question-schema.js";
import { seededRandom, shuffled } from "./seeded-random.js";

export const DEFAULT_INTERVIEW_SIZE = 6;
const INTERVIEW_AREAS = new Set(["patterns", "system-design", "troubleshooting", "behavioural-technical"]);

const hasKeyPoints = (question: Question): question is Question & { keyPoints: string[] } =>
  "keyPoints" in question && Array.isArray(question.keyPoints);

export function drawInterview(bank: readonly Question[], options: { count?: number; seed?: number } = {}): string[] {
  const count = options.count ?? DEFAULT_INTERVIEW_SIZE;
  const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 31));
  const answerable = bank.filter(hasKeyPoints);
  const interview = shuffled(answerable.filter((q) => INTERVIEW_AREAS.has(q.area)), random);
  const technical = shuffled(answerable.filter((q) => !INTERVIEW_AREAS.has(q.area)), random);
  // Two thirds interview topics (patterns, design, troubleshooting), one third technical depth.
  const fromInterview = Math.min(interview.length, Math.ceil((count * 2) / 3));
  return shuffled([...interview.slice(0, fromInterview), ...technical.slice(0, count - fromInterview)], random).map((q) => q.id);
}

/** A topic is weak when an answer covered fewer than half of its question's key points. */
export function weakTopics(bank: readonly Question[], answers: ReadonlyArray<{ questionId: string; covered: number[] }>): string[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const weak = new Set<string>();
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question || !hasKeyPoints(question)) continue;
    const covered = new Set(answer.covered.filter((i) => i < question.keyPoints.length)).size;
    if (covered / question.keyPoints.length < 0.5) weak.add(question.topic);
  }
  return [...weak];
}
