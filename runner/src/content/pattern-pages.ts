// The design-pattern pages (content/patterns/*.md): YAML front matter for the list, markdown for the page.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { AzlabError } from "../errors.js";

export const PatternMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  azureServices: z.array(z.string()).default([]),
  relatedLabs: z.array(z.string()).default([]),
  source: z.string(),
});
export type PatternMeta = z.infer<typeof PatternMetaSchema>;

export interface PatternPage {
  meta: PatternMeta;
  /** The page without its front matter and its leading `# Title` (the site shows the title itself). */
  markdown: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

export function parsePatternPage(text: string, file: string): PatternPage {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new AzlabError(`${file} has no front matter`, "Start the page with a --- YAML block (see content/README.md).", 500);
  const parsed = PatternMetaSchema.safeParse(parse(match[1]!));
  if (!parsed.success) throw new AzlabError(`${file}: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`, "Fix the front matter (see content/README.md).", 500);
  const markdown = text.slice(match[0].length).replace(/^\s*# [^\n]*\n/, "").trimStart();
  return { meta: parsed.data, markdown };
}

export async function loadPatternPages(contentDir: string): Promise<PatternPage[]> {
  const dir = join(contentDir, "patterns");
  const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(files.map(async (name) => parsePatternPage(await readFile(join(dir, name), "utf8"), `content/patterns/${name}`)));
}
