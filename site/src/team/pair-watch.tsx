// Pair interview: the interviewer watches the candidate's editor live (read-only, fed by the drafts the
// server pushes) and comments on a line: click it, or type its number. Loaded lazily (it pulls in Monaco).
import { useEffect, useRef, useState } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { addTeamComment } from "../api/client.js";
import type { RoundView } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { monaco } from "../editor/monaco-setup.js";
import { ensureSdkTypes } from "../editor/sdk-types.js";
import { useOsTheme } from "../editor/use-os-theme.js";
import { showComments } from "./comment-decorations.js";
import { Field } from "./field.js";

export interface PairWatchProps {
  participantId: string;
  name: string;
  code: string;
  comments: RoundView["comments"];
  token?: string;
}

export default function PairWatch({ participantId, name, code, comments, token }: PairWatchProps) {
  const theme = useOsTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<string[]>([]);
  const [mounted, setMounted] = useState(false);
  const [line, setLine] = useState(1);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The same typings as the candidate's editor, so the interviewer sees the same red underlines, not noise.
  useEffect(() => {
    void ensureSdkTypes().catch(() => undefined);
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (mounted && model) decorations.current = showComments(model, comments, decorations.current);
  }, [mounted, comments, code]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.onMouseDown((event) => {
      const position = event.target.position;
      if (position) setLine(position.lineNumber);
    });
    setMounted(true);
  };

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    addTeamComment({ participantId, line, text: text.trim() }, token)
      .then(() => setText(""), setError)
      .finally(() => setBusy(false));
  };

  return (
    <div className="pair-watch" data-participant={name}>
      <div className="code-editor pair-watch-editor" data-editor-state={mounted ? "ready" : "loading"}>
        <Editor
          path={`file:///team/watch/${participantId}/exercise.ts`}
          defaultLanguage="typescript"
          value={code}
          onMount={handleMount}
          theme={theme === "dark" ? "vs-dark" : "vs"}
          loading={<p className="loading" role="status">Loading the editor…</p>}
          options={{
            readOnly: true,
            domReadOnly: true,
            minimap: { enabled: false },
            fontSize: 14,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fixedOverflowWidgets: true,
            ariaLabel: `${name}'s code, read-only. Click a line to comment on it.`,
          }}
        />
      </div>
      <form className="comment-form" onSubmit={add}>
        <Field label="Line">
          {(id) => <input id={id} type="number" min={1} value={line} onChange={(e) => setLine(Math.max(1, Number(e.target.value) || 1))} />}
        </Field>
        <Field label={`Comment on line ${line}`} className="comment-text">
          {(id) => <input id={id} type="text" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder="What about an empty container name?" />}
        </Field>
        <button type="submit" disabled={busy || !text.trim()}>
          Add comment
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
