// Words shown for ids in team sessions: question areas and types, grading states, roles per mode.
import type { QuestionArea, QuestionType, Submission, TeamMode } from "../api/types.js";

export const AREA_LABELS: Record<QuestionArea, string> = {
  compute: "Develop Azure compute solutions",
  storage: "Develop for Azure storage",
  security: "Implement Azure security",
  monitor: "Monitor and troubleshoot",
  connect: "Connect to and consume services",
  patterns: "Cloud design patterns",
  "system-design": "System design",
  troubleshooting: "Troubleshooting scenarios",
  "behavioural-technical": "Behavioural and technical judgement",
};

export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "single choice",
  multiple: "multiple choice",
  free: "free answer",
  code: "code",
};

export function roleNames(mode: TeamMode): { host: string; participant: string; participants: string } {
  return mode === "pair"
    ? { host: "Interviewer", participant: "Candidate", participants: "Candidate" }
    : { host: "Host", participant: "Participant", participants: "Participants" };
}

/** Where a submission's grading stands, in words. */
export function gradingLabel(submission: Submission): string {
  switch (submission.grading) {
    case "queued":
      return submission.queuePosition ? `Queued (position ${submission.queuePosition})` : "Queued";
    case "running":
      return "Running the tests…";
    case "failed":
      return "Grading failed";
    case "done":
      return submission.report ? `${submission.report.tests.filter((t) => t.status === "pass").length}/${submission.report.tests.length} tests pass` : "Graded";
    default:
      return "Submitted";
  }
}

export function formatSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}
