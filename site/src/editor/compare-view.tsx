// Two versions side by side in Monaco's diff editor: the solution against the learner's code, a backup
// against the current text, or the file on disk against the draft.
import { DiffEditor } from "@monaco-editor/react";
import "./monaco-setup.js";
import { useOsTheme } from "./use-os-theme.js";

export interface CompareViewProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
}

export default function CompareView({ original, modified, originalLabel, modifiedLabel }: CompareViewProps) {
  const theme = useOsTheme();
  return (
    <div className="compare-view" data-editor-state="ready">
      <div className="compare-labels" aria-hidden="true">
        <span>{originalLabel}</span>
        <span>{modifiedLabel}</span>
      </div>
      <DiffEditor
        original={original}
        modified={modified}
        language="typescript"
        originalModelPath="inmemory://compare/original.ts"
        modifiedModelPath="inmemory://compare/modified.ts"
        theme={theme === "dark" ? "vs-dark" : "vs"}
        loading={<p className="loading" role="status">Loading the comparison…</p>}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          minimap: { enabled: false },
          automaticLayout: true,
          scrollBeyondLastLine: false,
          fontSize: 13,
          ariaLabel: `${originalLabel} compared with ${modifiedLabel}`,
        }}
      />
    </div>
  );
}
