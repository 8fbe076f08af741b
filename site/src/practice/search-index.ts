// Search over the cheat sheet, the pattern pages, the question bank and the labs: minisearch over
// GET /api/content/search-documents, both loaded on first use (neither is in the initial bundle) and kept.
import type MiniSearch from "minisearch";
import { getSearchDocuments } from "../api/client.js";
import type { SearchDocument } from "../api/types.js";

export type SearchKind = SearchDocument["kind"];

/** The names of the result groups. */
export const KIND_LABELS: Record<SearchKind, string> = {
  "cheat-sheet": "Cheat sheet",
  pattern: "Design patterns",
  question: "Questions",
  lab: "Labs",
};

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  url: string;
  snippet: SnippetPart[];
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
}

let index: Promise<MiniSearch<SearchDocument>> | null = null;

/** Builds the index once; a failed load (server down) is retried on the next search. */
export function loadSearchIndex(): Promise<MiniSearch<SearchDocument>> {
  index ??= (async () => {
    const [{ default: MiniSearchClass }, { documents }] = await Promise.all([import("minisearch"), getSearchDocuments()]);
    const search = new MiniSearchClass<SearchDocument>({
      fields: ["title", "text"],
      storeFields: ["kind", "title", "url", "text"],
      searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2 },
    });
    search.addAll(documents);
    return search;
  })();
  index.catch(() => (index = null));
  return index;
}

/** Results grouped by kind, best first in each (`perGroup` at most), the group with the best match first. */
export async function searchContent(query: string, perGroup = Infinity): Promise<SearchGroup[]> {
  const text = query.trim();
  if (!text) return [];
  const search = await loadSearchIndex();
  // Every word must match when that finds something; otherwise any word may.
  let results = search.search(text, { combineWith: "AND" });
  if (results.length === 0) results = search.search(text);
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const result of results) {
    const kind = result.kind as SearchKind;
    const hits = groups.get(kind) ?? [];
    if (hits.length >= perGroup) continue;
    hits.push({
      id: String(result.id),
      kind,
      title: String(result.title),
      url: String(result.url),
      snippet: snippet(String(result.text), result.terms),
    });
    groups.set(kind, hits);
  }
  // Results come best first, so the groups' insertion order is the order of their best hits.
  return [...groups].map(([kind, hits]) => ({ kind, label: KIND_LABELS[kind], hits }));
}

/** Markdown reduced to readable text: no code fences, link targets, heading marks or emphasis. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_>`|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** About `width` characters around the first matched term, with every matched term marked. */
export function snippet(markdown: string, terms: readonly string[], width = 160): SnippetPart[] {
  const text = plainText(markdown);
  const lower = text.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const window = `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
  if (terms.length === 0) return [{ text: window, mark: false }];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${escaped.join("|")})`, "gi");
  return window
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, mark: terms.some((term) => term.toLowerCase() === part.toLowerCase()) }));
}
