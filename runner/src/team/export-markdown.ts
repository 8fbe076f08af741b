// The session as Markdown for the host to keep: every round's question or task, each participant's answer or
// code, scores and test results, and the final scoreboard.
import type { Question } from "../content/question-schema.js";
import { scoreboard } from "./scoreboard.js";
import type { Session } from "./session-schema.js";

const fence = (code: string, lang = "") => {
  const ticks = code.includes("```") ? "````" : "```";
  return `${ticks}${lang}\n${code.trimEnd()}\n${ticks}`;
};

export function exportSessionMarkdown(session: Session, questions: Map<string, Question>, labTitles: Map<string, string>): string {
  const lines: string[] = [`# ${session.title}`, "", `${session.mode === "pair" ? "Pair interview" : "Team session"} started ${session.createdAt}${session.endedAt ? `, ended ${session.endedAt}` : ""}.`, ""];
  lines.push("## Scoreboard", "", "| participant | points | rounds answered |", "|---|---|---|");
  for (const row of scoreboard(session)) lines.push(`| ${row.name} | ${row.points} | ${row.rounds} |`);
  for (const round of session.rounds) {
    const question = round.questionId ? questions.get(round.questionId) : undefined;
    lines.push("", `## Round ${round.number}: ${question ? question.prompt.split("\n")[0] : `coding task ${labTitles.get(round.labId ?? "") ?? round.labId}`}`, "");
    if (question) {
      lines.push(question.prompt, "");
      if ("keyPoints" in question && question.keyPoints) lines.push("Key points:", ...question.keyPoints.map((point, i) => `${i + 1}. ${point}`), "");
      if ("options" in question && question.options) lines.push(`Correct: ${question.options.filter((o) => o.correct).map((o) => o.id).join(", ")}`, "");
    }
    for (const participant of session.participants) {
      const submission = round.submissions[participant.id];
      lines.push(`### ${participant.name}`, "");
      if (!submission) {
        lines.push("No answer.", "");
        continue;
      }
      if (submission.answer) lines.push(submission.answer, "");
      if (submission.choices) lines.push(`Chose: ${submission.choices.join(", ") || "nothing"}`, "");
      if (submission.code) lines.push(fence(submission.code, "ts"), "");
      if (submission.keyPointScores) lines.push(`Key point scores: ${submission.keyPointScores.join(", ")}`, "");
      if (submission.report) {
        const report = submission.report;
        lines.push(`Tests: ${report.status}, ${report.tests.filter((t) => t.status === "pass").length}/${report.tests.length} passed`, "");
        for (const test of report.tests) lines.push(`- ${test.status === "pass" ? "✓" : "✗"} ${test.name}${test.hidden ? " (hidden)" : ""}`);
        lines.push("");
      }
      lines.push(`Points: ${submission.points}`, "");
    }
    for (const comment of round.comments) {
      const who = session.participants.find((p) => p.id === comment.participantId)?.name ?? "?";
      lines.push(`> Comment on ${who}'s line ${comment.line}: ${comment.text}`, "");
    }
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}
