// Markdown to HTML for instructions and the cheat sheet: markdown-it for the text, shiki for code blocks
// (fine-grained: five grammars, two themes, the JavaScript regex engine, nothing fetched), and external links
// that open in a new tab so the lab stays open.
import MarkdownIt from "markdown-it";
import type { HighlighterCore } from "shiki/core";

const LANG_ALIASES: Record<string, string> = { ts: "typescript", js: "javascript", sh: "bash", shell: "bash", console: "bash", jsonc: "json" };

let highlighter: Promise<HighlighterCore> | null = null;

function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [
        import("shiki/langs/typescript.mjs"),
        import("shiki/langs/javascript.mjs"),
        import("shiki/langs/json.mjs"),
        import("shiki/langs/bash.mjs"),
      ],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

function createRenderer(shiki: HighlighterCore | null) {
  const md = new MarkdownIt({
    html: false, // instructions are text: no raw HTML from a lab can run in the page
    linkify: true,
    typographer: false,
    highlight: (code, info) => {
      const lang = LANG_ALIASES[info] ?? info;
      if (!shiki || !shiki.getLoadedLanguages().includes(lang)) return "";
      // Dual themes as CSS variables; styles.css picks light or dark with the OS setting.
      return shiki.codeToHtml(code, { lang, themes: { light: "github-light", dark: "github-dark" }, defaultColor: false });
    },
  });
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (/^https?:\/\//i.test(href)) {
      token.attrSet("target", "_blank");
      token.attrSet("rel", "noopener noreferrer");
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

/** Renders markdown, highlighting code blocks once shiki has loaded. Falls back to plain code blocks. */
export async function renderMarkdown(markdown: string): Promise<string> {
  let shiki: HighlighterCore | null = null;
  try {
    shiki = await loadHighlighter();
  } catch {
    shiki = null; // highlighting is a nicety: show plain code rather than no instructions
  }
  return createRenderer(shiki).render(markdown);
}

/** Renders without waiting for shiki: the first paint of the instructions. */
export function renderMarkdownPlain(markdown: string): string {
  return createRenderer(null).render(markdown);
}
