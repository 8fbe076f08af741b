// Gives Monaco's TypeScript worker the Azure SDK declarations the runner serves (GET /api/types) and the
// grader's compiler options, so completions, hovers and red underlines match what grading will say.
import { getSdkTypes } from "../api/client.js";
import { typescriptDefaults } from "./monaco-setup.js";

let loading: Promise<number> | null = null;

/** Loads the SDK typings once per page; resolves to the number of files added. Retries after a failure. */
export function ensureSdkTypes(): Promise<number> {
  loading ??= getSdkTypes().then(
    ({ files, compilerOptions }) => {
      typescriptDefaults.setCompilerOptions(compilerOptions as Parameters<typeof typescriptDefaults.setCompilerOptions>[0]);
      typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
      typescriptDefaults.setEagerModelSync(true);
      typescriptDefaults.setExtraLibs(files.map((file) => ({ filePath: file.path, content: file.content })));
      return files.length;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
