// Markdown for the pattern pages and the cheat sheet: highlighted code (the site's renderer), heading ids that
// match the search index's anchors, and mermaid diagrams drawn as SVG in the page's light or dark theme.
import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { useOsTheme } from "../editor/use-os-theme.js";
import { renderMarkdown, renderMarkdownPlain } from "../markdown/render-markdown.js";
import { addHeadingIds } from "./heading-ids.js";
import { hasDiagrams, renderDiagrams } from "./render-diagrams.js";

export interface RichMarkdownProps {
  markdown: string;
  className?: string;
}

export function RichMarkdown({ markdown, className }: RichMarkdownProps) {
  const theme = useOsTheme();
  const location = useLocation();
  const [html, setHtml] = useState(() => addHeadingIds(renderMarkdownPlain(markdown), markdown));
  const [diagrams, setDiagrams] = useState<"none" | "pending" | "rendered">("pending");

  useEffect(() => {
    let current = true;
    const plain = addHeadingIds(renderMarkdownPlain(markdown), markdown);
    setHtml(plain);
    setDiagrams(hasDiagrams(plain) ? "pending" : "none");
    void (async () => {
      const highlighted = addHeadingIds(await renderMarkdown(markdown), markdown);
      if (!current) return;
      setHtml(highlighted);
      if (!hasDiagrams(highlighted)) return;
      const drawn = await renderDiagrams(highlighted, theme);
      if (!current) return;
      setHtml(drawn);
      setDiagrams("rendered");
    })();
    return () => {
      current = false;
    };
  }, [markdown, theme]);

  // The page arrives after the browser tried to scroll to #anchor, and headings can move once code and
  // diagrams render: scroll again whenever the content or the hash changes.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, [location.hash, html]);

  // markdown-it escapes raw HTML (html: false) and mermaid sanitises its SVG (securityLevel "strict").
  return <div className={`markdown ${className ?? ""}`} data-diagrams={diagrams} dangerouslySetInnerHTML={{ __html: html }} />;
}
