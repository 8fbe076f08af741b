// Ids for rendered h2/h3 headings, made the way runner/src/content/search-documents.ts makes the anchors of
// its cheat-sheet documents, so a search result's /cheat-sheet#<slug> lands on its heading.

/** Lowercase, every run of non-alphanumerics becomes "-", no "-" at either end. */
export const headingSlug = (heading: string): string =>
  heading.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The text of an HTML fragment: tags dropped, markdown-it's entities decoded. */
export function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Adds an id to every h2 and h3 (markdown-it renders them without attributes). The source's headings
 * (outside code fences) give the slugs, as the search index reads them; if the counts disagree, the rendered
 * text does. A repeated slug gets "-2", "-3" so every id stays unique.
 */
export function addHeadingIds(html: string, markdown: string): string {
  const source = sourceHeadings(markdown);
  const rendered = [...html.matchAll(/<h([23])>([\s\S]*?)<\/h\1>/g)];
  const useSource = source.length === rendered.length;
  const seen = new Map<string, number>();
  let index = 0;
  return html.replace(/<h([23])>([\s\S]*?)<\/h\1>/g, (_match, level: string, inner: string) => {
    const base = headingSlug(useSource ? source[index]! : htmlText(inner)) || "section";
    index += 1;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = count === 1 ? base : `${base}-${count}`;
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
}

/** The text of every `## ` and `### ` heading, skipping fenced code blocks. */
export function sourceHeadings(markdown: string): string[] {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#{2,3} (.*)/.exec(line)?.[1];
    if (heading !== undefined) headings.push(heading.trim());
  }
  return headings;
}
