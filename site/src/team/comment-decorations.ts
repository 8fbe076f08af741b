// Line comments shown in a Monaco model: a marker (listed in the problems hover, with the text) and a
// whole-line highlight with a gutter mark, so they stand out from the compiler's errors.
import { monaco } from "../editor/monaco-setup.js";
import type { RoundView } from "../api/types.js";

const OWNER = "azlab-comments";

/** Replaces the model's comment markers and decorations; returns the new decoration ids. */
export function showComments(model: monaco.editor.ITextModel, comments: RoundView["comments"], previous: string[]): string[] {
  const lines = model.getLineCount();
  const clamp = (line: number) => Math.min(Math.max(line, 1), lines);
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    comments.map((comment) => ({
      severity: monaco.MarkerSeverity.Info,
      message: comment.text,
      source: "interviewer",
      startLineNumber: clamp(comment.line),
      startColumn: 1,
      endLineNumber: clamp(comment.line),
      endColumn: model.getLineMaxColumn(clamp(comment.line)),
    })),
  );
  return model.deltaDecorations(
    previous,
    comments.map((comment) => ({
      range: new monaco.Range(clamp(comment.line), 1, clamp(comment.line), 1),
      options: {
        isWholeLine: true,
        className: "team-comment-line",
        linesDecorationsClassName: "team-comment-gutter",
        hoverMessage: { value: `**Interviewer:** ${comment.text}` },
      },
    })),
  );
}
