// The shapes the runner's HTTP API sends and receives (contract: runner/src/server, see DESIGN.md "Server").
// Report and lab metadata come from the runner's zod schemas (types only, erased from the bundle), so the
// site never restates them.
import type { Report, TestResult, Diagnostic } from "../../../runner/src/grader/report-schema.js";
import type { LabMeta, SkillId, ServiceId } from "../../../runner/src/catalog/lab-schema.js";
import type { Question, QuestionOption, QuestionArea, QuestionType } from "../../../runner/src/content/question-schema.js";
import type { StoredCard, ExamRecord, InterviewRecord } from "../../../runner/src/practice/practice-schemas.js";
import type { ExamResult, ExamAnswerReview } from "../../../runner/src/practice/exam-score.js";
import type { Round, Submission } from "../../../runner/src/team/session-schema.js";
import type { ScoreboardRow } from "../../../runner/src/team/scoreboard.js";

export type { Report, TestResult, Diagnostic, LabMeta, SkillId, ServiceId };

export interface SkillArea {
  id: SkillId;
  title: string;
  weight: string;
}

export type ProgressState = "not-started" | "in-progress" | "passed";

export interface LabProgressSummary {
  state: ProgressState;
  bestScore: number | null;
  attempts: number;
}

export interface LabSummary {
  id: string;
  title: string;
  summary: string;
  skill: SkillId;
  services: ServiceId[];
  difficulty: LabMeta["difficulty"];
  minutes: number;
  tags: string[];
  hintsTotal: number;
  progress: LabProgressSummary;
}

export interface LabList {
  skills: SkillArea[];
  labs: LabSummary[];
}

export interface DiskFile {
  source: string;
  mtimeMs: number;
}

export interface Draft {
  source: string;
  savedAt: string;
  fileMtimeMs: number | null;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
}

export interface LabDetail {
  lab: Omit<LabMeta, "hints"> & { hintsTotal: number };
  readme: string;
  starter: string;
  file: DiskFile | null;
  draft: Draft | null;
  hintsRevealed: string[];
  progress: LabProgressSummary;
  lastReport: Report | null;
  backups: BackupInfo[];
  solution?: string;
}

export interface DraftSaved {
  savedAt: string;
}

export interface WriteResult {
  file: DiskFile;
  backup: string | null;
}

export interface HintReveal {
  hint: string | null;
  index: number;
  total: number;
  revealed: string[];
}

export interface ResetResult {
  starter: string;
  /** Paths of the backups this reset made (the list with dates comes from getLab). */
  backups: string[];
}

export interface Backup {
  name: string;
  source: string;
}

/** The progress store as a whole; the site only passes it through (export/import), so it stays opaque here. */
export type ProgressStore = Record<string, unknown>;

export interface CheatSheet {
  markdown: string;
}

export interface SdkTypes {
  files: { path: string; content: string }[];
  compilerOptions: Record<string, unknown>;
}

/** Every error the API sends: what went wrong, and what to do next. */
export interface ApiErrorBody {
  error: string;
  hint?: string;
  file?: DiskFile;
}

// Interview practice (runner/src/practice, runner/src/content). The question bank's types and the stored
// records come from the runner's zod schemas (types only); the shapes built in Node-only modules are restated
// here and checked against the runner's in test/site/practice-client.test.ts.

export type { Question, QuestionOption, QuestionArea, QuestionType, StoredCard, ExamRecord, InterviewRecord, ExamResult, ExamAnswerReview };

/** A question as shown before it is answered: no correct flags, explanations, model answers or key points. */
export type QuestionPrompt = Pick<Question, "id" | "area" | "topic" | "difficulty" | "type" | "prompt"> & {
  code?: string;
  options?: Array<{ id: string; text: string }>;
  multiple: boolean;
};

export interface QuestionFilter {
  area?: string;
  topic?: string;
}

export interface QuestionList {
  questions: Question[];
}

export interface QuestionDetail {
  question: Question;
  prompt: QuestionPrompt;
}

export interface FlashcardStats {
  dueToday: number;
  newToday: number;
  reviewedToday: number;
  streak: number;
  forecast: Array<{ day: string; due: number }>;
}

export type FlashcardRating = "again" | "hard" | "good" | "easy";

export interface DueFlashcards {
  questions: Question[];
  stats: FlashcardStats;
}

export interface FlashcardReviewed {
  card: StoredCard;
  stats: FlashcardStats;
}

export interface StartedExam {
  id: string;
  seed: number;
  startedAt: string;
  minutes: number;
  questions: QuestionPrompt[];
}

export interface SubmittedExam {
  exam: ExamRecord;
  result: ExamResult;
}

export interface ExamHistory {
  exams: ExamRecord[];
}

export interface StartedInterview {
  id: string;
  startedAt: string;
  minutesPerQuestion: number;
  questions: QuestionPrompt[];
}

export type InterviewAnswer = InterviewRecord["answers"][number];

export interface InterviewHistory {
  interviews: InterviewRecord[];
}

export interface PatternMeta {
  id: string;
  title: string;
  summary: string;
  azureServices: string[];
  relatedLabs: string[];
  source: string;
}

export interface PatternList {
  patterns: PatternMeta[];
}

export interface PatternPage {
  meta: PatternMeta;
  /** Without front matter and without the leading `# Title`; may hold ```mermaid blocks. */
  markdown: string;
}

export interface SearchDocument {
  id: string;
  kind: "cheat-sheet" | "pattern" | "question" | "lab";
  title: string;
  text: string;
  url: string;
}

export interface SearchDocuments {
  documents: SearchDocument[];
}

// Team sessions (runner/src/server/routes/team.ts). The stored round and submission come from the runner's
// zod schemas; the views built in Node-only modules (runner/src/team/session-view.ts) are restated here and
// checked against the runner's in test/site/team-client.test.ts.

export type { Round, Submission, ScoreboardRow };

export type TeamMode = "group" | "pair";

export type TeamInfo =
  | { active: false }
  | { active: true; title: string; mode: TeamMode; role: "host" | "participant" | "joiner" | null; participants: number };

export interface TeamLabTask {
  id: string;
  title: string;
  readme: string;
  starter: string;
}

export interface RoundParticipantView {
  id: string;
  name: string;
  typing: boolean;
  draft?: string;
  submission?: Submission;
}

export interface RoundView {
  id: string;
  number: number;
  kind: Round["kind"];
  status: Round["status"];
  startedAt: string;
  endsAt: string;
  question?: QuestionPrompt;
  /** The host always; participants after the reveal. */
  answer?: Pick<Question, "explanation" | "source"> & { modelAnswer?: string; keyPoints?: string[]; correctOptions?: string[] };
  lab?: TeamLabTask;
  /** The host: everyone; a participant: themself only. */
  participants: RoundParticipantView[];
  comments: Round["comments"];
}

export interface SessionView {
  id: string;
  title: string;
  mode: TeamMode;
  role: "host" | "participant";
  you?: { id: string; name: string };
  participants: Array<{ id: string; name: string }>;
  rounds: RoundView[];
  scoreboard: ScoreboardRow[];
  endedAt: string | null;
  now: string;
}

/** The host's view also carries the join links. */
export type HostSessionView = SessionView & { joinPath: string; joinUrls: string[] };

export interface CreatedTeamSession {
  hostToken: string;
  joinPath: string;
  joinUrls: string[];
  view: SessionView;
}

export interface JoinedTeamSession {
  token: string;
  participantId: string;
  view: SessionView;
}

export type RoundTask = { questionId: string; durationSec: number } | { labId: string; durationSec: number };

export interface TeamAnswer {
  answer?: string;
  choices?: string[];
  code?: string;
}

export interface LineComment {
  participantId: string;
  line: number;
  text: string;
}

export interface Ok {
  ok: true;
}

/** What the team WebSocket pushes. */
export type TeamSocketMessage = { type: "state"; state: SessionView };
