// Loads content/questions/*.yaml and reports every problem in the bank at once, each with its file,
// question and field, so an author fixes them all in one pass instead of one per run.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { QUESTION_AREAS, QuestionBankSchema, stringField, type Question } from "./question-schema.js";

export interface QuestionProblem {
  /** The YAML file, relative to the current directory. */
  file: string;
  /** The question's id, or its position in the file ("#3") when it has no usable id. */
  question?: string;
  /** The question's position in its file, from 1. */
  position?: number;
  /** The field inside the question, e.g. "options[1].correct"; empty for the whole question or file. */
  path: string;
  message: string;
}

export class QuestionBankError extends Error {
  constructor(readonly problems: QuestionProblem[]) {
    super(formatProblems(problems));
    this.name = "QuestionBankError";
  }
}

export interface QuestionBankCheck {
  /** The questions, in file order; empty unless the bank has no problems. */
  questions: Question[];
  problems: QuestionProblem[];
}

interface Origin {
  file: string;
  index: number;
  id?: string;
}

/** Reads `<contentDir>/questions/*.yaml` and returns the validated bank, or throws a QuestionBankError listing every problem. */
export async function loadQuestionBank(contentDir: string): Promise<Question[]> {
  const { questions, problems } = await checkQuestionBank(contentDir);
  if (problems.length > 0) throw new QuestionBankError(problems);
  return questions;
}

/** Like loadQuestionBank, but returns the problems instead of throwing. */
export async function checkQuestionBank(contentDir: string): Promise<QuestionBankCheck> {
  const folder = path.join(contentDir, "questions");
  const problems: QuestionProblem[] = [];
  const files = await listQuestionFiles(folder, problems);

  const items: unknown[] = [];
  const origins: Origin[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = await readQuestionFile(file, shown, problems);
    const stem = path.basename(file).replace(/\.ya?ml$/, "");
    parsed.forEach((item, index) => {
      const id = stringField(item, "id");
      const origin: Origin = { file: shown, index, ...(id === undefined ? {} : { id }) };
      items.push(item);
      origins.push(origin);
      checkFileArea(stem, item, origin, problems);
    });
  }

  const result = QuestionBankSchema.safeParse(items);
  if (!result.success) problems.push(...result.error.issues.map((issue) => toProblem(issue, origins)));
  if (problems.length > 0) return { questions: [], problems: sortProblems(problems) };
  return { questions: result.data ?? [], problems };
}

async function listQuestionFiles(folder: string, problems: QuestionProblem[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    problems.push({ file: folder, path: "", message: "no questions folder here: expected YAML files in it" });
    return [];
  }
  const files = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (files.length === 0) problems.push({ file: folder, path: "", message: "the questions folder holds no .yaml files" });
  return files.map((name) => path.join(folder, name));
}

async function readQuestionFile(file: string, shown: string, problems: QuestionProblem[]): Promise<unknown[]> {
  const doc = parseDocument(await readFile(file, "utf8"));
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        file: shown,
        path: "",
        message: `YAML syntax error${line === undefined ? "" : ` at line ${line}`}: ${error.message.split("\n")[0]}`,
      });
    }
    return [];
  }
  const value: unknown = doc.toJS();
  if (!Array.isArray(value)) {
    problems.push({ file: shown, path: "", message: "a question file must be a top-level YAML list of questions" });
    return [];
  }
  return value;
}

// One file per area keeps the bank easy to review: compute.yaml (or compute-*.yaml) holds compute questions.
function checkFileArea(stem: string, item: unknown, origin: Origin, problems: QuestionProblem[]): void {
  const fileArea = QUESTION_AREAS.map((area) => area.id)
    .filter((id) => stem === id || stem.startsWith(`${id}-`))
    .sort((a, b) => b.length - a.length)[0];
  const area = stringField(item, "area");
  const known = QUESTION_AREAS.some((a) => a.id === area);
  const question = origin.id ?? `#${origin.index + 1}`;
  const position = origin.index + 1;
  if (fileArea === undefined) {
    if (origin.index === 0) {
      problems.push({
        file: origin.file,
        path: "",
        message: `file name must start with its area (${QUESTION_AREAS.map((a) => a.id).join(", ")})`,
      });
    }
  } else if (area !== undefined && known && area !== fileArea) {
    problems.push({
      file: origin.file,
      question,
      position,
      path: "area",
      message: `area "${area}" does not belong in this file: move it to ${area}.yaml`,
    });
  }
}

function toProblem(issue: z.core.$ZodIssue, origins: Origin[]): QuestionProblem {
  const [index, ...rest] = issue.path;
  const origin = typeof index === "number" ? origins[index] : undefined;
  if (origin === undefined) return { file: "(bank)", path: formatPath(issue.path), message: issue.message };
  return {
    file: origin.file,
    question: origin.id ?? `#${origin.index + 1}`,
    position: origin.index + 1,
    path: formatPath(rest),
    message: issue.message,
  };
}

// File by file, and within a file in question order, the way an author reads them.
function sortProblems(problems: QuestionProblem[]): QuestionProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort(
      (a, b) =>
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.position ?? 0) - (b.problem.position ?? 0) ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function formatProblems(problems: QuestionProblem[]): string {
  const lines = problems.map((p) => {
    const question = p.position === undefined ? p.question : `#${p.position} ${p.question ?? ""}`.trim();
    const where = [p.file, question, p.path].filter((part) => part !== undefined && part !== "").join(" > ");
    return `  ${where}: ${p.message}`;
  });
  return [
    `The question bank has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
    ...lines,
    "Fix them in the YAML files named above, then run the content tests again.",
  ].join("\n");
}
