// Rendered markdown: plain first (instant), then again with highlighted code once shiki has loaded. Shiki is
// started when the browser is idle, so it never competes with the editor for the main thread on the lab page.
import { useEffect, useState } from "react";
import { renderMarkdown, renderMarkdownPlain } from "../markdown/render-markdown.js";

export interface MarkdownViewProps {
  markdown: string;
  className?: string;
  label?: string;
  /** False holds highlighting back (the lab page waits for its editor: both want the main thread). */
  highlight?: boolean;
}

export function MarkdownView({ markdown, className, label, highlight: allowed = true }: MarkdownViewProps) {
  const [html, setHtml] = useState(() => renderMarkdownPlain(markdown));
  useEffect(() => {
    let current = true;
    setHtml(renderMarkdownPlain(markdown));
    if (!allowed) return;
    const highlight = (): void => {
      void renderMarkdown(markdown).then((highlighted) => {
        if (current) setHtml(highlighted);
      });
    };
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(highlight, { timeout: 3000 }) : setTimeout(highlight, 500);
    return () => {
      current = false;
      if (typeof cancelIdleCallback === "function") cancelIdleCallback(idle as number);
      else clearTimeout(idle as ReturnType<typeof setTimeout>);
    };
  }, [markdown, allowed]);
  // markdown-it escapes raw HTML (html: false), so this HTML comes only from markdown syntax.
  return <div className={`markdown ${className ?? ""}`} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
