// /cheat-sheet: content/cheat-sheet.md, rendered, with heading anchors (/cheat-sheet#<slug>, as search links them).
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { getCheatSheet } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { RichMarkdown } from "../practice/rich-markdown.js";

export default function CheatSheetPage() {
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    const controller = new AbortController();
    setError(null);
    getCheatSheet(controller.signal).then(
      (sheet) => setMarkdown(sheet.markdown),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, []);
  useEffect(load, [load]);

  if (error) {
    return (
      <section className="page narrow">
        <h1>Cheat sheet</h1>
        <ErrorNotice error={error} onRetry={load}>
          <p>
            <Link to="/">Back to the labs</Link>
          </p>
        </ErrorNotice>
      </section>
    );
  }
  if (markdown === null) return <p className="loading" role="status">Loading the cheat sheet…</p>;
  return (
    <article className="page narrow">
      <RichMarkdown markdown={markdown} className="cheat-sheet" />
    </article>
  );
}
