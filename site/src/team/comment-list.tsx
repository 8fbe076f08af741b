// The interviewer's line comments, in line order; each can move the editor to its line.
import type { RoundView } from "../api/types.js";

export function CommentList({ comments, onJump }: { comments: RoundView["comments"]; onJump?(line: number): void }) {
  if (comments.length === 0) return null;
  const sorted = [...comments].sort((a, b) => a.line - b.line || a.at.localeCompare(b.at));
  return (
    <section className="team-comments" aria-label="Line comments">
      <h3>Comments</h3>
      <ul>
        {sorted.map((comment) => (
          <li key={comment.id} data-line={comment.line}>
            {onJump ? (
              <button type="button" className="link-button" onClick={() => onJump(comment.line)}>
                Line {comment.line}
              </button>
            ) : (
              <strong>Line {comment.line}</strong>
            )}
            : {comment.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
