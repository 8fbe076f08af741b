// TypeScript diagnostics for the learner's file, so type errors show even when tests pass. One language
// service per lab folder is kept for the life of the process: the Azure SDK typings are parsed once, and later
// checks of the same lab take a fraction of the first.
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as TS from "typescript";
import type { Diagnostic } from "./report-schema.js";

const require = createRequire(import.meta.url);
let tsModule: typeof TS | undefined;
const typescript = (): typeof TS => (tsModule ??= require("typescript") as typeof TS);

/** The compiler options the grader checks with; the site's editor uses the same. */
export function graderCompilerOptions(ts: typeof TS = typescript()): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ["node"],
    lib: ["lib.es2023.d.ts"],
  };
}

interface LabService {
  service: TS.LanguageService;
  file: string;
  source: string;
  version: number;
}

const services = new Map<string, LabService>();
let registry: TS.DocumentRegistry | undefined;

function serviceFor(labDir: string): LabService {
  const existing = services.get(labDir);
  if (existing) return existing;
  const ts = typescript();
  registry ??= ts.createDocumentRegistry();
  const state: LabService = { service: undefined as unknown as TS.LanguageService, file: join(labDir, "exercise.ts"), source: "", version: 0 };
  const options = graderCompilerOptions(ts);
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [state.file],
    getScriptVersion: (name) => (name === state.file ? String(state.version) : "0"),
    getScriptSnapshot: (name) => {
      if (name === state.file) return ts.ScriptSnapshot.fromString(state.source);
      const text = ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => labDir,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === state.file || ts.sys.fileExists(name),
    readFile: (name) => (name === state.file ? state.source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  state.service = ts.createLanguageService(host, registry);
  services.set(labDir, state);
  return state;
}

function toDiagnostic(ts: typeof TS, d: TS.Diagnostic, fileName: string): Diagnostic {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return {
    file: fileName,
    line: position.line + 1,
    column: position.character + 1,
    message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    code: d.code,
    severity: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
  };
}

/** Syntax errors only: cheap (one parse, no type information), used to fail fast before running tests. */
export function syntaxErrors(source: string, fileName = "exercise.ts"): Diagnostic[] {
  const ts = typescript();
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const parseDiagnostics = (file as unknown as { parseDiagnostics: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return parseDiagnostics.map((d) => toDiagnostic(ts, { ...d, file }, fileName));
}

/**
 * Syntactic and semantic diagnostics of `source` as the lab's exercise.ts, capped at 50. The file is checked
 * as if it lived in `checkDir` (default: the lab folder), which must see the installed packages and an ESM
 * package.json above it.
 */
export function typeDiagnostics(checkDir: string, source: string, fileName = "exercise.ts"): Diagnostic[] {
  const ts = typescript();
  const state = serviceFor(checkDir);
  if (state.source !== source) {
    state.source = source;
    state.version++;
  }
  const all = [...state.service.getSyntacticDiagnostics(state.file), ...state.service.getSemanticDiagnostics(state.file)];
  return all.slice(0, 50).map((d) => toDiagnostic(ts, d, fileName));
}
