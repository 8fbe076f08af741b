// Monaco from the local monaco-editor package, never a CDN: @monaco-editor/react is told to use this module's
// copy, and Vite bundles the editor and TypeScript workers from node_modules (the `?worker` imports).
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import { getTypeScriptWorker, typescriptDefaults } from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { loader } from "@monaco-editor/react";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco, typescriptDefaults, getTypeScriptWorker };
