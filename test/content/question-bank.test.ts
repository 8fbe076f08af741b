// The question bank: the real bank in content/questions loads cleanly and keeps the exam's weights, and a
// deliberately broken bank proves every check fires and every problem is reported in one run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { checkQuestionBank, loadQuestionBank, QuestionBankError } from "../../runner/src/content/load-questions.js";
import { EXAM_AREA_WEIGHTS, QUESTION_AREAS, type ExamArea, type Question } from "../../runner/src/content/question-schema.js";
import { summariseBank } from "../../runner/src/content/summarise-bank.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = path.join(root, "test/fixtures");

// The SDKs the code questions may use: the ones azlab's labs and the AZ-204 exam work with.
const KNOWN_SDKS = new Set([
  "@azure/storage-blob",
  "@azure/storage-queue",
  "@azure/service-bus",
  "@azure/identity",
  "@azure/keyvault-secrets",
  "@azure/keyvault-keys",
  "@azure/cosmos",
  "@azure/functions",
  "@azure/event-hubs",
  "@azure/eventgrid",
  "@azure/app-configuration",
  "@azure/eventhubs-checkpointstore-blob",
  "@azure/monitor-opentelemetry",
  "@opentelemetry/api",
  "durable-functions",
  "jose",
  "@azure/msal-node",
  "@microsoft/microsoft-graph-client",
  "applicationinsights",
]);

describe("the question bank in content/questions", () => {
  let questions: Question[];
  beforeAll(async () => {
    questions = await loadQuestionBank(path.join(root, "content"));
  });

  it("holds at least 320 valid questions and prints its counts per area and type", () => {
    const summary = summariseBank(questions);
    console.log(`question bank: ${summary.total} questions\n${summary.format()}`);
    expect(summary.total).toBeGreaterThanOrEqual(320);
    for (const area of QUESTION_AREAS) expect(summary.byArea[area.id], area.id).toBeGreaterThanOrEqual(12);
  });

  it("keeps each exam area's share of the exam questions within the exam's published range", () => {
    const { examShare } = summariseBank(questions);
    for (const area of Object.keys(EXAM_AREA_WEIGHTS) as ExamArea[]) {
      const share = examShare[area];
      expect(share.percent, `${area}: ${share.percent.toFixed(1)}%`).toBeGreaterThanOrEqual(share.min);
      expect(share.percent, `${area}: ${share.percent.toFixed(1)}%`).toBeLessThanOrEqual(share.max);
    }
  });

  it("gives the interview areas about a quarter of the bank and mixes the question types", () => {
    const summary = summariseBank(questions);
    const interview = QUESTION_AREAS.filter((a) => a.kind === "interview").reduce((n, a) => n + summary.byArea[a.id], 0);
    expect(interview / summary.total).toBeGreaterThanOrEqual(0.2);
    const share = (type: Question["type"]) => summary.byType[type] / summary.total;
    expect(share("single")).toBeGreaterThanOrEqual(0.35);
    expect(share("multiple")).toBeGreaterThanOrEqual(0.1);
    expect(share("free")).toBeGreaterThanOrEqual(0.2);
    expect(share("code")).toBeGreaterThanOrEqual(0.1);
  });

  it("writes every code question against a real Azure SDK package", () => {
    const wrong: string[] = [];
    for (const q of questions) {
      if (q.type !== "code") continue;
      const imports = [...q.code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
      const sdks = imports.filter((name) => KNOWN_SDKS.has(name));
      const unknown = imports.filter((name) => !KNOWN_SDKS.has(name) && !name.startsWith("node:"));
      if (sdks.length === 0 || unknown.length > 0) wrong.push(`${q.id}: imports ${imports.join(", ") || "nothing"}`);
    }
    expect(wrong).toEqual([]);
  });

  // Snippets name real SDK methods, so compile them against the SDKs installed here (strict mode) to catch a
  // misremembered API. Snippets importing an SDK this repo does not install are skipped; a floor on the
  // number checked keeps the test from passing vacuously.
  it("compiles every code snippet whose SDKs are installed, under strict TypeScript", () => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
    };
    const host = ts.createCompilerHost(options);
    const snippets = new Map<string, string>();
    for (const q of questions) {
      if (q.type !== "code") continue;
      const file = path.join(root, "test/content/.snippets", `${q.id}.ts`);
      const imports = [...q.code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
      const resolvable = imports.every(
        (name) => ts.resolveModuleName(name, file, options, host).resolvedModule !== undefined,
      );
      if (resolvable) snippets.set(file, q.code);
    }
    expect(snippets.size).toBeGreaterThanOrEqual(20);

    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (file) => snippets.get(file) ?? readFile(file);
    host.fileExists = (file) => snippets.has(file) || fileExists(file);
    host.getSourceFile = (file, language, onError) => {
      const code = snippets.get(file);
      return code === undefined ? getSourceFile(file, language, onError) : ts.createSourceFile(file, code, language);
    };
    const program = ts.createProgram([...snippets.keys()], options, host);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.basename(d.file.fileName)}: ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
    expect(errors).toEqual([]);
  });
});

describe("a broken question bank", () => {
  // [file, question position, question id, field path, message]: every check, each firing at least once.
  const expected: Array<[string, number | undefined, string | undefined, string, RegExp]> = [
    ["compute.yaml", 2, "compute-valid-single", "id", /duplicate id "compute-valid-single"/],
    ["compute.yaml", 3, "compute-two-correct", "options", /exactly one correct option, found 2/],
    ["compute.yaml", 4, "compute-one-correct-multiple", "options", /at least two correct options.*found 1 of 3/],
    ["compute.yaml", 5, "compute-duplicate-option-ids", "options[1].id", /duplicate option id "a"/],
    ["compute.yaml", 6, "compute-http-link", "difficulty", /difficulty must be 1, 2 or 3/],
    ["compute.yaml", 6, "compute-http-link", "source", /https:\/\/learn\.microsoft\.com/],
    ["compute.yaml", 7, "compute-malformed-link", "source", /https:\/\/learn\.microsoft\.com/],
    ["compute.yaml", 8, "compute-code-without-code", "code", /code question needs its TypeScript snippet/],
    ["compute.yaml", 9, "compute-duplicate-prompt", "prompt", /duplicate prompt: question "compute-valid-single"/],
    ["compute.yaml", 10, "compute-unknown-area", "area", /area must be one of: compute, storage/],
    ["compute.yaml", 10, "compute-unknown-area", "id", /id must start with its area/],
    ["compute.yaml", 11, "wrong-prefix-question", "type", /type must be one of: single, multiple, free, code/],
    ["compute.yaml", 11, "wrong-prefix-question", "id", /id must start with its area: "compute-/],
    ["compute.yaml", 12, "compute-unsafe-link", "source", /https:\/\/learn\.microsoft\.com/],
    ["compute.yaml", 13, "compute-code-both-answers", "", /either options or modelAnswer \+ keyPoints/],
    ["monitor.yaml", undefined, undefined, "", /YAML syntax error at line \d+/],
    ["notes.yaml", undefined, undefined, "", /file name must start with its area/],
    ["security.yaml", undefined, undefined, "", /top-level YAML list/],
    ["storage.yaml", 1, "compute-valid-single", "id", /id must start with its area: "storage-/],
    ["storage.yaml", 1, "compute-valid-single", "id", /duplicate id "compute-valid-single"/],
    ["storage.yaml", 2, "compute-in-storage-file", "area", /move it to compute\.yaml/],
    ["storage.yaml", 3, "storage-too-few-key-points", "keyPoints", /3 to 6 points/],
    ["storage.yaml", 3, "storage-too-few-key-points", "", /Unrecognized key: "unexpected"/],
  ];

  it("reports every problem at once, each with its file, question and field", async () => {
    const { questions, problems } = await checkQuestionBank(path.join(fixtures, "questions-bad"));
    expect(questions).toEqual([]);
    const found = problems.map((p) => [path.basename(p.file), p.position, p.question, p.path, p.message]);
    expect(found).toHaveLength(expected.length);
    expected.forEach(([file, position, question, field, message], i) => {
      expect(found[i], `problem ${i + 1}`).toEqual([file, position, question, field, expect.stringMatching(message)]);
    });
  });

  it("throws one error that lists them all, for loadQuestionBank's callers", async () => {
    const error = await loadQuestionBank(path.join(fixtures, "questions-bad")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuestionBankError);
    const { message, problems } = error as QuestionBankError;
    expect(problems).toHaveLength(expected.length);
    expect(message).toContain(`The question bank has ${expected.length} problems:`);
    expect(message).toMatch(/compute\.yaml > #3 compute-two-correct > options: .*exactly one correct option/);
    expect(message).toMatch(/monitor\.yaml: YAML syntax error/);
  });

  it("says so when there is no questions folder", async () => {
    const { problems } = await checkQuestionBank(path.join(fixtures, "no-such-content"));
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/no questions folder/) })]);
  });
});
