// The documents the site's search indexes (client-side, with minisearch): cheat-sheet sections, pattern
// pages, questions and labs, each with the URL of the page that shows it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Lab } from "../catalog/index.js";
import { loadQuestionBank } from "./load-questions.js";
import { loadPatternPages } from "./pattern-pages.js";

export interface SearchDocument {
  id: string;
  kind: "cheat-sheet" | "pattern" | "question" | "lab";
  title: string;
  text: string;
  url: string;
}

const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Splits markdown at `##`/`###` headings: each section becomes one document linking to its anchor. */
function sections(markdown: string): Array<{ heading: string; body: string }> {
  const out: Array<{ heading: string; body: string }> = [];
  for (const part of markdown.split(/\n(?=#{2,3} )/)) {
    const heading = /^#{2,3} (.*)/.exec(part)?.[1];
    if (heading) out.push({ heading, body: part.slice(part.indexOf("\n") + 1) });
  }
  return out;
}

export async function searchDocuments(contentDir: string, labs: readonly Lab[]): Promise<SearchDocument[]> {
  const documents: SearchDocument[] = [];
  const cheatSheet = await readFile(join(contentDir, "cheat-sheet.md"), "utf8").catch(() => "");
  for (const { heading, body } of sections(cheatSheet)) {
    documents.push({ id: `cheat-sheet:${slug(heading)}`, kind: "cheat-sheet", title: heading, text: body, url: `/cheat-sheet#${slug(heading)}` });
  }
  for (const page of await loadPatternPages(contentDir)) {
    documents.push({ id: `pattern:${page.meta.id}`, kind: "pattern", title: page.meta.title, text: `${page.meta.summary}\n${page.markdown}`, url: `/patterns/${page.meta.id}` });
  }
  for (const question of await loadQuestionBank(contentDir).catch(() => [])) {
    documents.push({ id: `question:${question.id}`, kind: "question", title: question.prompt.split("\n")[0]!.slice(0, 140), text: `${question.prompt}\n${question.explanation}\n${question.topic}`, url: `/practice/questions/${question.id}` });
  }
  for (const lab of labs) {
    documents.push({ id: `lab:${lab.id}`, kind: "lab", title: lab.title, text: `${lab.summary}\n${lab.objectives.join("\n")}\n${lab.services.join(" ")}`, url: `/labs/${lab.id}` });
  }
  return documents;
}
