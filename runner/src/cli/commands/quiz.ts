// azlab quiz: the flashcard drill in the terminal. Reads answers line by line (a terminal or a pipe), shows
// the explanation, and schedules the card with the learner's rating (FSRS), like the site's flashcards page.
import { createInterface } from "node:readline";
import type { Question } from "../../content/question-schema.js";
import { PracticeService, type RatingName } from "../../practice/index.js";
import { repoPaths } from "../../repo-paths.js";
import { colors as c } from "../output.js";

export interface QuizOptions {
  area?: string;
  topic?: string;
  count?: string;
}

const RATING_KEYS: Record<string, RatingName> = { "1": "again", "2": "hard", "3": "good", "4": "easy" };

function correctIds(question: Question): string[] {
  return "options" in question && question.options ? question.options.filter((o) => o.correct).map((o) => o.id).sort() : [];
}

export async function quizCommand(options: QuizOptions): Promise<number> {
  const paths = repoPaths();
  const practice = new PracticeService(paths.contentDir, paths.azlabDir);
  const limit = options.count ? Math.max(1, Number(options.count)) : 10;
  const { questions, stats } = await practice.dueCards({ area: options.area, topic: options.topic }, limit);
  if (questions.length === 0) {
    console.log(`Nothing is due${options.area || options.topic ? " for this filter" : ""}. Come back tomorrow: ${stats.forecast[1]?.due ?? 0} cards are due then.`);
    return 0;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };

  let reviewed = 0;
  let right = 0;
  try {
    for (const [index, question] of questions.entries()) {
      console.log(c.bold(`\n[${index + 1}/${questions.length}] ${question.area} · ${question.topic}`));
      console.log(question.prompt);
      if ("code" in question && question.code) console.log(c.dim(question.code));
      const expected = correctIds(question);
      let suggestion: RatingName = "good";
      if (expected.length > 0 && "options" in question && question.options) {
        for (const option of question.options) console.log(`  ${option.id}) ${option.text}`);
        const answer = await ask(expected.length > 1 ? "Your answers (e.g. a,c): " : "Your answer: ");
        if (answer === undefined) break;
        const picked = answer.toLowerCase().split(/[\s,]+/).filter(Boolean).sort();
        const ok = picked.join(",") === expected.join(",");
        if (ok) right++;
        suggestion = ok ? "good" : "again";
        console.log(ok ? c.green("Correct.") : c.red(`Not quite: the answer is ${expected.join(", ")}.`));
        for (const option of question.options) console.log(c.dim(`  ${option.id}) ${option.explanation}`));
      } else {
        if ((await ask("Answer in your head (or type it), then press Enter to see the key points: ")) === undefined) break;
        if ("modelAnswer" in question && question.modelAnswer) console.log(`${c.bold("Model answer:")} ${question.modelAnswer}`);
        if ("keyPoints" in question && question.keyPoints) for (const point of question.keyPoints) console.log(`  • ${point}`);
      }
      console.log(c.dim(`${question.explanation}\nSource: ${question.source}`));
      const rating = await ask(`How well did you know it? 1 Again, 2 Hard, 3 Good, 4 Easy [${Object.entries(RATING_KEYS).find(([, r]) => r === suggestion)![0]}]: `);
      if (rating === undefined) break;
      const { card } = await practice.review(question.id, RATING_KEYS[rating] ?? suggestion);
      reviewed++;
      console.log(c.dim(`Next review: ${new Date(card.due).toLocaleString()}`));
    }
  } finally {
    rl.close();
  }
  const after = await practice.dueCards({ area: options.area, topic: options.topic }, 1);
  console.log(c.bold(`\nReviewed ${reviewed} card${reviewed === 1 ? "" : "s"}${right ? `, ${right} answered right` : ""}. Streak: ${after.stats.streak} day${after.stats.streak === 1 ? "" : "s"}.`));
  return 0;
}
