// The question bank's one schema: every file under content/questions/ is a list of these, and the
// flashcards, the practice exam and the mock interview all read the type inferred here.
import { z } from "zod";

/** Published AZ-204 skill areas (with the exam's weight range in percent) and the interview areas. */
export const QUESTION_AREAS = [
  { id: "compute", label: "Develop Azure compute solutions", kind: "exam", weight: { min: 25, max: 30 } },
  { id: "storage", label: "Develop for Azure storage", kind: "exam", weight: { min: 15, max: 20 } },
  { id: "security", label: "Implement Azure security", kind: "exam", weight: { min: 15, max: 20 } },
  { id: "monitor", label: "Monitor and troubleshoot Azure solutions", kind: "exam", weight: { min: 5, max: 10 } },
  {
    id: "connect",
    label: "Connect to and consume Azure services and third-party services",
    kind: "exam",
    weight: { min: 20, max: 25 },
  },
  { id: "patterns", label: "Cloud design patterns", kind: "interview" },
  { id: "system-design", label: "System design", kind: "interview" },
  { id: "troubleshooting", label: "Troubleshooting scenarios", kind: "interview" },
  { id: "behavioural-technical", label: "Behavioural and technical judgement", kind: "interview" },
] as const;

type AreaEntry = (typeof QUESTION_AREAS)[number];
export type QuestionArea = AreaEntry["id"];
export type ExamArea = Extract<AreaEntry, { kind: "exam" }>["id"];

const AREA_IDS = QUESTION_AREAS.map((area) => area.id) as [QuestionArea, ...QuestionArea[]];

/**
 * The exam's published weight range per skill area, in percent. The ranges overlap and do not sum to
 * 100, so a practice exam should draw in proportion to each range's midpoint.
 */
export const EXAM_AREA_WEIGHTS = Object.fromEntries(
  QUESTION_AREAS.flatMap((area) => (area.kind === "exam" ? [[area.id, area.weight]] : [])),
) as Record<ExamArea, { min: number; max: number }>;

export const QUESTION_TYPES = ["single", "multiple", "free", "code"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const kebabCase = (what: string) =>
  z.string().regex(KEBAB_CASE, `${what} must be kebab-case (lowercase words joined by "-")`);

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be text`) })
    .trim()
    .min(1, `${what} must not be empty`);

// Every answer must be checkable against Microsoft's own documentation.
const SOURCE_MESSAGE = "source must be an https://learn.microsoft.com/... link to the page that backs the answer";
const SourceLink = z
  .string({ error: SOURCE_MESSAGE })
  .regex(/^https:\/\/learn\.microsoft\.com\/\S*$/, SOURCE_MESSAGE)
  .pipe(z.url({ protocol: /^https$/, hostname: /^learn\.microsoft\.com$/, error: SOURCE_MESSAGE }));

export const OptionSchema = z.strictObject({
  id: z.string().regex(/^[a-h]$/, 'option id must be one lowercase letter from "a" to "h"'),
  text: text("option text"),
  correct: z.boolean({ error: "correct must be true or false" }),
  explanation: text("option explanation (say why this option is right or wrong)"),
});
export type QuestionOption = z.infer<typeof OptionSchema>;

const KeyPoints = z
  .array(
    text("key point").refine((point) => point.length <= 200, "a key point must be short (200 characters or fewer)"),
  )
  .min(3, "keyPoints needs 3 to 6 points a good answer names")
  .max(6, "keyPoints needs 3 to 6 points a good answer names");

const Options = z.array(OptionSchema).min(3, "a choice question needs at least 3 options").max(8);

const common = {
  id: kebabCase("id"),
  area: z.enum(AREA_IDS, { error: `area must be one of: ${AREA_IDS.join(", ")}` }),
  topic: kebabCase("topic"),
  difficulty: z.literal([1, 2, 3], { error: "difficulty must be 1, 2 or 3" }),
  prompt: text("prompt"),
  explanation: text("explanation"),
  source: SourceLink,
};

/** Reports unique option ids and the number of correct options a question type allows. */
function checkOptions(
  options: QuestionOption[],
  ctx: z.RefinementCtx,
  rule: { correct: "exactly-one" | "two-or-more"; label: string },
): void {
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.id)) {
      ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: `duplicate option id "${option.id}"` });
    }
    seen.add(option.id);
  });
  const correct = options.filter((option) => option.correct).length;
  if (rule.correct === "exactly-one" && correct !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["options"],
      message: `${rule.label} needs exactly one correct option, found ${correct}`,
    });
  }
  if (rule.correct === "two-or-more" && (correct < 2 || correct === options.length)) {
    ctx.addIssue({
      code: "custom",
      path: ["options"],
      message: `${rule.label} needs at least two correct options and at least one wrong one, found ${correct} of ${options.length} correct`,
    });
  }
}

const SingleQuestion = z
  .strictObject({ ...common, type: z.literal("single"), options: Options })
  .superRefine((q, ctx) => checkOptions(q.options, ctx, { correct: "exactly-one", label: "a single-choice question" }));

const MultipleQuestion = z
  .strictObject({ ...common, type: z.literal("multiple"), options: Options })
  .superRefine((q, ctx) => checkOptions(q.options, ctx, { correct: "two-or-more", label: "a multiple-choice question" }));

const FreeQuestion = z.strictObject({
  ...common,
  type: z.literal("free"),
  modelAnswer: text("modelAnswer"),
  keyPoints: KeyPoints,
});

// A code question shows a snippet and is answered either by picking one option or in free text.
const CodeQuestion = z
  .strictObject({
    ...common,
    type: z.literal("code"),
    code: text("code (a code question needs its TypeScript snippet)"),
    options: Options.optional(),
    modelAnswer: text("modelAnswer").optional(),
    keyPoints: KeyPoints.optional(),
  })
  .superRefine((q, ctx) => {
    const free = q.modelAnswer !== undefined || q.keyPoints !== undefined;
    if (q.options && free) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "a code question takes either options or modelAnswer + keyPoints, not both",
      });
    } else if (q.options) {
      checkOptions(q.options, ctx, { correct: "exactly-one", label: "a code question with options" });
    } else if (q.modelAnswer === undefined || q.keyPoints === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "a code question needs options, or both modelAnswer and keyPoints",
      });
    }
  });

export const QuestionSchema = z
  .discriminatedUnion("type", [SingleQuestion, MultipleQuestion, FreeQuestion, CodeQuestion], {
    error: `type must be one of: ${QUESTION_TYPES.join(", ")}`,
  })
  .superRefine(
    (q, ctx) => {
      // Runs even when other fields failed, so the input may be any shape: read it defensively.
      const id = stringField(q, "id");
      const area = stringField(q, "area");
      if (id !== undefined && area !== undefined && !id.startsWith(`${area}-`)) {
        ctx.addIssue({ code: "custom", path: ["id"], message: `id must start with its area: "${area}-..."` });
      }
    },
    { when: () => true },
  );
export type Question = z.infer<typeof QuestionSchema>;

/** Prompts that differ only in case or whitespace are the same question asked twice. */
export function normalisePrompt(prompt: string): string {
  return prompt.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The whole bank: every question valid, ids unique, no prompt asked twice. */
export const QuestionBankSchema = z.array(QuestionSchema).superRefine(
  (questions, ctx) => {
    const ids = new Set<string>();
    const prompts = new Map<string, string>();
    (questions as unknown[]).forEach((q, index) => {
      const id = stringField(q, "id");
      if (id !== undefined) {
        if (ids.has(id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate id "${id}": ids must be unique across the bank` });
        ids.add(id);
      }
      const prompt = stringField(q, "prompt");
      if (prompt !== undefined && prompt.trim() !== "") {
        const key = normalisePrompt(prompt);
        const first = prompts.get(key);
        if (first === undefined) prompts.set(key, id ?? `#${index + 1}`);
        else {
          ctx.addIssue({
            code: "custom",
            path: [index, "prompt"],
            message: `duplicate prompt: question "${first}" already asks the same thing`,
          });
        }
      }
    });
  },
  { when: () => true },
);

/** Reads a string field from a value of unknown shape (checks run on input that may be invalid). */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}
