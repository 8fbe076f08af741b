// The practice exam being taken, kept in localStorage: the server holds the drawn questions but not the
// picks, so without this a reload in the middle of an exam would lose the answers and the clock.
import type { StartedExam } from "../api/types.js";

const KEY = "azlab.practice-exam";

export interface ExamSession {
  exam: StartedExam;
  answers: Record<string, string[]>;
  index: number;
  /**
   * When time is up, in this browser's epoch milliseconds: counted from when the exam arrived here, not from
   * the server's startedAt, so a clock difference between the two machines cannot shorten the exam.
   */
  deadline: number;
}

export function newExamSession(exam: StartedExam, now = Date.now()): ExamSession {
  return { exam, answers: {}, index: 0, deadline: now + exam.minutes * 60_000 };
}

export function loadExamSession(): ExamSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ExamSession>;
    if (!parsed.exam || !Array.isArray(parsed.exam.questions) || typeof parsed.answers !== "object" || parsed.answers === null) return null;
    const deadline = typeof parsed.deadline === "number" ? parsed.deadline : new Date(parsed.exam.startedAt).getTime() + parsed.exam.minutes * 60_000;
    return { exam: parsed.exam, answers: parsed.answers, index: typeof parsed.index === "number" ? parsed.index : 0, deadline };
  } catch {
    return null; // storage off or a damaged entry: start afresh
  }
}

export function saveExamSession(session: ExamSession): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the exam still runs, it just will not survive a reload.
  }
}

export function clearExamSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
