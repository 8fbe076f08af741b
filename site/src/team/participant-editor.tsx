// A participant's editor in a coding round: the lab page's editor (Monaco with the Azure SDK IntelliSense),
// plus the interviewer's line comments as markers and highlighted lines. Loaded lazily (it pulls in Monaco).
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import CodeEditor, { type CodeEditorHandle } from "../editor/code-editor.js";
import { monaco } from "../editor/monaco-setup.js";
import type { RoundView } from "../api/types.js";
import { showComments } from "./comment-decorations.js";

export interface ParticipantEditorProps {
  labId: string;
  initialValue: string;
  comments: RoundView["comments"];
  onChange(value: string): void;
  onRun(): void;
}

const ParticipantEditor = forwardRef<CodeEditorHandle, ParticipantEditorProps>(function ParticipantEditor(props, ref) {
  const { labId, comments } = props;
  const inner = useRef<CodeEditorHandle>(null);
  const decorations = useRef<string[]>([]);
  const [ready, setReady] = useState(false);

  useImperativeHandle(ref, () => ({
    revealLine: (line, column) => inner.current?.revealLine(line, column),
    focus: () => inner.current?.focus(),
    replaceText: (text) => inner.current?.replaceText(text),
  }));

  useEffect(() => {
    if (!ready) return;
    const model = monaco.editor.getModel(monaco.Uri.parse(`file:///labs/${labId}/exercise.ts`));
    if (model) decorations.current = showComments(model, comments, decorations.current);
  }, [ready, comments, labId]);

  const onReady = useCallback(() => setReady(true), []);

  return (
    <div className="participant-editor" data-comments={comments.length}>
      <CodeEditor ref={inner} labId={labId} initialValue={props.initialValue} onChange={props.onChange} onRun={props.onRun} onReady={onReady} diagnostics={[]} />
    </div>
  );
});

export default ParticipantEditor;
