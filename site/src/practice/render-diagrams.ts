// Turns the ```mermaid blocks of rendered markdown into SVG with the bundled mermaid package, loaded only when
// a page has a diagram (it is large). securityLevel "strict" sanitises labels and disables click handlers.
import { htmlText } from "./heading-ids.js";

type Mermaid = typeof import("mermaid").default;

let loaded: Promise<Mermaid> | null = null;
let configuredTheme: string | null = null;
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  loaded ??= import("mermaid").then((module) => module.default);
  loaded.catch(() => (loaded = null));
  return loaded;
}

// markdown-it renders a fence whose language shiki does not highlight as <pre><code class="language-x">.
const MERMAID_BLOCK = /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g;

export const hasDiagrams = (html: string): boolean => new RegExp(MERMAID_BLOCK.source).test(html);

/** Replaces each mermaid block by a figure holding its SVG; a block that fails to parse stays as code. */
export async function renderDiagrams(html: string, theme: "light" | "dark"): Promise<string> {
  const blocks = [...html.matchAll(MERMAID_BLOCK)];
  if (blocks.length === 0) return html;
  const mermaid = await loadMermaid();
  const mermaidTheme = theme === "dark" ? "dark" : "default";
  if (configuredTheme !== mermaidTheme) {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: mermaidTheme });
    configuredTheme = mermaidTheme;
  }
  // mermaid.render is not re-entrant: one diagram at a time.
  const figures: string[] = [];
  for (const [, escaped] of blocks) {
    const source = htmlText(escaped ?? "");
    counter += 1;
    try {
      const { svg } = await mermaid.render(`azlab-diagram-${counter}`, source);
      figures.push(`<figure class="diagram" data-diagram="rendered">${svg}</figure>`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      figures.push(
        `<figure class="diagram diagram-failed" data-diagram="failed"><figcaption>This diagram could not be drawn: ${escapeHtml(message.split("\n")[0] ?? "")}</figcaption><pre><code>${escaped}</code></pre></figure>`,
      );
    }
  }
  let index = 0;
  return html.replace(MERMAID_BLOCK, () => figures[index++] ?? "");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
