// Loads every lab folder once, validates it, and reports every problem of every lab in one error.
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { z } from "zod";
import { AzlabError } from "../errors.js";
import { LabSchema, type LabMeta } from "./lab-schema.js";

export interface Lab extends LabMeta {
  /** Absolute folder of the lab. */
  dir: string;
  /** Visible test files, relative to dir, sorted. */
  testFiles: string[];
  /** Hidden test files (hidden.test.ts, *.hidden.test.ts): graded, never shown. */
  hiddenTestFiles: string[];
}

export interface Catalog {
  labs: Lab[];
  get(id: string): Lab | undefined;
  /** Problems of labs left out (only when loaded with `skipInvalid`). */
  problems: string[];
}

export class CatalogError extends AzlabError {
  constructor(readonly problems: string[]) {
    super(
      `The lab catalog has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
      "Fix the files named above; `azlab check` re-runs this validation.",
      500,
    );
    this.name = "CatalogError";
  }
}

const REQUIRED_FILES = ["README.md", "exercise.ts", "solution/exercise.ts"];

export const isHiddenTest = (file: string) => /(^|\.)hidden\.test\.ts$/.test(file);

/** `hints.2` -> `hints[2]`, `docs.0.url` -> `docs[0].url`. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "(root)";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_format" && issue.format === "url") return "expected an https:// URL";
  // zod's messages start with a category ("Invalid option: expected one of ..."): keep what says how to fix it.
  return issue.message.replace(/^(Invalid input|Invalid option|Too small|Too big): /, "");
}

async function loadLab(labsDir: string, root: string, name: string, problems: string[], strict: boolean): Promise<Lab | undefined> {
  const dir = join(labsDir, name);
  const display = (file: string) => relative(root, join(dir, file));
  const before = problems.length;
  let meta: LabMeta | undefined;
  const manifest = join(dir, "lab.json");
  if (!existsSync(manifest)) {
    problems.push(`${display("lab.json")}: missing (every lab folder needs a lab.json)`);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(manifest, "utf8"));
    } catch (error) {
      problems.push(`${display("lab.json")}: not valid JSON (${(error as Error).message})`);
    }
    if (json !== undefined) {
      const parsed = LabSchema.safeParse(json);
      if (parsed.success) {
        meta = parsed.data;
        if (meta.id !== name) problems.push(`${display("lab.json")}: id: "${meta.id}" must equal the folder name "${name}"`);
      } else {
        for (const issue of parsed.error.issues) {
          problems.push(`${display("lab.json")}: ${formatPath(issue.path)}: ${describeIssue(issue)}`);
        }
      }
    }
  }
  for (const file of REQUIRED_FILES) {
    // A learner may have deleted their exercise.ts: the lab is still whole (reset restores the starter from git).
    if (!strict && file === "exercise.ts") continue;
    if (!existsSync(join(dir, file))) problems.push(`${display(file)}: missing`);
  }
  const files = existsSync(dir) ? await readdir(dir) : [];
  const tests = files.filter((file) => file.endsWith(".test.ts")).sort();
  const testFiles = tests.filter((file) => !isHiddenTest(file));
  if (testFiles.length === 0) problems.push(`${display("*.test.ts")}: no test file (add exercise.test.ts)`);
  if (problems.length > before || !meta) return undefined;
  return { ...meta, dir, testFiles, hiddenTestFiles: tests.filter(isHiddenTest) };
}

/**
 * Loads every lab. By default any problem fails the whole load (azlab check, CI). With `skipInvalid` (the
 * server, `azlab test`) a lab with problems is left out and its problems returned, so one half-written lab
 * does not stop the others.
 */
export async function loadCatalog(labsDir: string, root = join(labsDir, ".."), options: { skipInvalid?: boolean } = {}): Promise<Catalog> {
  if (!existsSync(labsDir) || !(await stat(labsDir)).isDirectory()) {
    throw new AzlabError(`No labs folder at ${labsDir}`, "Run azlab from the azlab repository, or set AZLAB_ROOT to it.");
  }
  const entries = await readdir(labsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  // Each lab collects its own problems so the report lists them in folder order, whatever finishes first.
  const perLab = names.sort().map(() => [] as string[]);
  const loaded = await Promise.all(names.map((name, i) => loadLab(labsDir, root, name, perLab[i]!, !options.skipInvalid)));
  const problems = perLab.flat();
  if (problems.length > 0 && !options.skipInvalid) throw new CatalogError(problems);
  const labs = loaded.filter((lab): lab is Lab => lab !== undefined);
  const byId = new Map(labs.map((lab) => [lab.id, lab]));
  return { labs, get: (id) => byId.get(id), problems };
}
