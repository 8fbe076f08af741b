// The learner's editor: Monaco with the Azure SDK typings, the grader's diagnostics as markers, and
// Ctrl/Cmd+Enter to run. Loaded lazily by the lab page (this module pulls in Monaco).
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { getTypeScriptWorker, monaco } from "./monaco-setup.js";
import { ensureSdkTypes } from "./sdk-types.js";
import { useOsTheme } from "./use-os-theme.js";
import { describeError } from "../api/http.js";
import type { Diagnostic } from "../api/types.js";

export interface CodeEditorHandle {
  revealLine(line: number, column?: number): void;
  focus(): void;
  /** Replaces the whole text as one undoable edit (reset, restore a backup); onChange reports it. */
  replaceText(text: string): void;
}

export interface CodeEditorProps {
  labId: string;
  /**
   * The text to open with. The editor is uncontrolled after that: feeding every keystroke back as a prop
   * races with fast typing (a stale value overwrites newer keys), so later changes go through replaceText.
   */
  initialValue: string;
  onChange(value: string): void;
  onRun(): void;
  /** Called once the editor shows the text. */
  onReady?(): void;
  diagnostics: Diagnostic[];
}

type Stage = "loading" | "ready";
type TypesState = { state: "loading" } | { state: "loaded"; files: number } | { state: "failed"; message: string };

const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor(props, ref) {
  const { labId, onChange, onRun, onReady, diagnostics } = props;
  const [initialValue] = useState(props.initialValue);
  const theme = useOsTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const [stage, setStage] = useState<Stage>("loading");
  const [types, setTypes] = useState<TypesState>({ state: "loading" });

  // "loaded" means IntelliSense is ready: the typings are in the worker and it has type-checked this file once
  // (the first check parses every SDK declaration, which takes a moment).
  useEffect(() => {
    if (stage !== "ready") return;
    let current = true;
    ensureSdkTypes()
      .then(async (files) => {
        const model = editorRef.current?.getModel();
        if (model) {
          const worker = await (await getTypeScriptWorker())(model.uri);
          await worker.getSemanticDiagnostics(model.uri.toString());
        }
        if (current) setTypes({ state: "loaded", files });
      })
      .catch((error: unknown) => current && setTypes({ state: "failed", message: describeError(error).message }));
    return () => {
      current = false;
    };
  }, [stage]);

  useImperativeHandle(ref, () => ({
    revealLine(line, column = 1) {
      const editor = editorRef.current;
      if (!editor) return;
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    },
    focus() {
      editorRef.current?.focus();
    },
    replaceText(text) {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model || model.getValue() === text) return;
      editor.pushUndoStop();
      editor.executeEdits("azlab", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
      editor.pushUndoStop();
    },
  }));

  // The grader's diagnostics sit beside the worker's own (owner "typescript"), so both show.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "azlab-grader",
      diagnostics
        .filter((d) => d.file.endsWith("exercise.ts"))
        .map((d) => ({
          severity: d.severity === "warning" ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
          message: d.message,
          startLineNumber: d.line,
          startColumn: d.column,
          endLineNumber: d.line,
          endColumn: model.getLineMaxColumn(Math.min(Math.max(d.line, 1), model.getLineCount())),
          source: "grader",
        })),
    );
  }, [diagnostics, stage]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current());
    setStage("ready");
    onReady?.();
  };

  return (
    <div className="code-editor" data-editor-state={stage} data-sdk-types={types.state}>
      {types.state === "failed" && (
        <p className="editor-note" role="status">
          Azure SDK IntelliSense is unavailable ({types.message}). Editing and running still work.
        </p>
      )}
      <Editor
        path={`file:///labs/${labId}/exercise.ts`}
        defaultLanguage="typescript"
        defaultValue={initialValue}
        onChange={(next) => onChange(next ?? "")}
        onMount={handleMount}
        theme={theme === "dark" ? "vs-dark" : "vs"}
        loading={<p className="loading" role="status">Loading the editor…</p>}
        options={{
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          ariaLabel: "exercise.ts editor. Ctrl+Enter (Cmd+Enter) runs the tests; Ctrl+M, then Tab, moves focus out of the editor.",
          tabFocusMode: false,
        }}
      />
    </div>
  );
});

export default CodeEditor;
