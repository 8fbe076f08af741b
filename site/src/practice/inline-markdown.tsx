// One line of markdown (an option, a key point): `code` and emphasis, no paragraphs, no raw HTML.
import MarkdownIt from "markdown-it";
import { useMemo } from "react";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function InlineMarkdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => md.renderInline(text), [text]);
  // html: false escapes any HTML in the text; only markdown's own inline tags come out.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
