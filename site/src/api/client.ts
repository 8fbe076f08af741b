// The runner's HTTP API, one function per endpoint. Paths and shapes: runner/src/server (api.md contract).
import { apiUrl, request } from "./http.js";
import type { CreatedTeamSession, HostSessionView, JoinedTeamSession, LineComment, Ok, Round, RoundTask, SessionView, Submission, TeamAnswer, TeamInfo, TeamMode } from "./types.js";
import type {
  Backup,
  CheatSheet,
  DueFlashcards,
  ExamHistory,
  FlashcardRating,
  FlashcardReviewed,
  InterviewAnswer,
  InterviewHistory,
  InterviewRecord,
  PatternList,
  PatternPage,
  QuestionDetail,
  QuestionFilter,
  QuestionList,
  SearchDocuments,
  StartedExam,
  StartedInterview,
  SubmittedExam,
  DraftSaved,
  HintReveal,
  LabDetail,
  LabList,
  ProgressStore,
  Report,
  ResetResult,
  SdkTypes,
  WriteResult,
} from "./types.js";

const lab = (id: string): string => `/api/labs/${encodeURIComponent(id)}`;

/** GET /api/labs: the catalogue, with the learner's progress on each lab. */
export function listLabs(signal?: AbortSignal): Promise<LabList> {
  return request<LabList>("/api/labs", { signal });
}

/** GET /api/labs/:id: everything the lab page needs; `reveal` also returns the solution (recorded). */
export function getLab(id: string, options: { reveal?: boolean; signal?: AbortSignal } = {}): Promise<LabDetail> {
  return request<LabDetail>(`${lab(id)}${options.reveal ? "?reveal=1" : ""}`, { signal: options.signal });
}

/** POST /api/labs/:id/grade: runs the lab's tests on `source`; may take seconds. */
export function gradeLab(id: string, source: string, signal?: AbortSignal): Promise<Report> {
  return request<Report>(`${lab(id)}/grade`, { method: "POST", body: { source }, signal });
}

/** PUT /api/labs/:id/draft: saves what the learner typed. */
export function saveDraft(id: string, source: string, fileMtimeMs: number | null): Promise<DraftSaved> {
  return request<DraftSaved>(`${lab(id)}/draft`, { method: "PUT", body: { source, fileMtimeMs } });
}

/**
 * POST /api/labs/:id/draft as a beacon: the last save when the page is closing, which a normal fetch may not
 * finish. Returns whether the browser accepted it for delivery.
 */
export function beaconDraft(id: string, source: string, fileMtimeMs: number | null): boolean {
  const url = apiUrl(`${lab(id)}/draft`);
  const body = JSON.stringify({ source, fileMtimeMs });
  // Read through globalThis: the client also runs in Node (tests), where there may be no navigator.
  const nav = (globalThis as { navigator?: { sendBeacon?: (url: string, data: Blob) => boolean } }).navigator;
  if (typeof nav?.sendBeacon === "function") return nav.sendBeacon(url, new Blob([body], { type: "text/plain" }));
  // No beacon (older runtimes): a keepalive fetch also outlives the page.
  void fetch(url, { method: "POST", body, headers: { "content-type": "text/plain" }, keepalive: true }).catch(() => undefined);
  return true;
}

/** POST /api/labs/:id/write: writes `source` to labs/<id>/exercise.ts (409 if the file changed since). */
export function writeExercise(id: string, source: string, expectedMtimeMs: number | null): Promise<WriteResult> {
  return request<WriteResult>(`${lab(id)}/write`, { method: "POST", body: { source, expectedMtimeMs } });
}

/** POST /api/labs/:id/hints/next: reveals one more hint. */
export function revealNextHint(id: string): Promise<HintReveal> {
  return request<HintReveal>(`${lab(id)}/hints/next`, { method: "POST", body: {} });
}

/** POST /api/labs/:id/reset: puts the starter back in the draft and on disk, after backing both up. */
export function resetLab(id: string): Promise<ResetResult> {
  return request<ResetResult>(`${lab(id)}/reset`, { method: "POST", body: {} });
}

/** GET /api/labs/:id/backups/:name: one backup's text. */
export function getBackup(id: string, name: string): Promise<Backup> {
  return request<Backup>(`${lab(id)}/backups/${encodeURIComponent(name)}`);
}

/** GET /api/progress: the whole progress store. */
export function getProgress(): Promise<ProgressStore> {
  return request<ProgressStore>("/api/progress");
}

/** PUT /api/progress: replaces the progress store (the server validates it). */
export function putProgress(store: ProgressStore): Promise<ProgressStore> {
  return request<ProgressStore>("/api/progress", { method: "PUT", body: store });
}

/** GET /api/content/cheat-sheet: the cheat sheet's markdown. */
export function getCheatSheet(signal?: AbortSignal): Promise<CheatSheet> {
  return request<CheatSheet>("/api/content/cheat-sheet", { signal });
}

/** GET /api/types: the Azure SDK declarations and compiler options for the editor. */
export function getSdkTypes(signal?: AbortSignal): Promise<SdkTypes> {
  return request<SdkTypes>("/api/types", { signal });
}

// Interview practice

/** `?area=&topic=&limit=` with the empty ones left out. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET /api/questions: the bank with answers (self-study), optionally one area or topic. */
export function listQuestions(filter: QuestionFilter = {}, signal?: AbortSignal): Promise<QuestionList> {
  return request<QuestionList>(`/api/questions${query({ area: filter.area, topic: filter.topic })}`, { signal });
}

/** GET /api/questions/:id: one question with its answer, and the prompt as an exam shows it. */
export function getQuestion(id: string, signal?: AbortSignal): Promise<QuestionDetail> {
  return request<QuestionDetail>(`/api/questions/${encodeURIComponent(id)}`, { signal });
}

/** GET /api/flashcards/due: the cards due now (then today's new ones), and the learner's stats. */
export function getDueFlashcards(filter: QuestionFilter & { limit?: number } = {}, signal?: AbortSignal): Promise<DueFlashcards> {
  return request<DueFlashcards>(`/api/flashcards/due${query({ area: filter.area, topic: filter.topic, limit: filter.limit })}`, { signal });
}

/** POST /api/flashcards/:id/review: records a rating; FSRS schedules the card's next review. */
export function reviewFlashcard(id: string, rating: FlashcardRating): Promise<FlashcardReviewed> {
  return request<FlashcardReviewed>(`/api/flashcards/${encodeURIComponent(id)}/review`, { method: "POST", body: { rating } });
}

/** POST /api/exams: starts a timed practice exam; its questions come without answers. */
export function startExam(options: { count?: number; seed?: number; minutes?: number } = {}): Promise<StartedExam> {
  return request<StartedExam>("/api/exams", { method: "POST", body: options });
}

/** POST /api/exams/:id/submit: the picked option ids per question; returns the score and the review. */
export function submitExam(id: string, answers: Record<string, string[]>): Promise<SubmittedExam> {
  return request<SubmittedExam>(`/api/exams/${encodeURIComponent(id)}/submit`, { method: "POST", body: { answers } });
}

/** GET /api/exams: submitted practice exams, newest first. */
export function listExams(signal?: AbortSignal): Promise<ExamHistory> {
  return request<ExamHistory>("/api/exams", { signal });
}

/** POST /api/interviews: starts a mock interview of free-answer questions. */
export function startInterview(options: { count?: number; seed?: number; minutesPerQuestion?: number } = {}): Promise<StartedInterview> {
  return request<StartedInterview>("/api/interviews", { method: "POST", body: options });
}

/** POST /api/interviews/:id/finish: the answers with the key points ticked; returns the weak topics. */
export function finishInterview(id: string, answers: InterviewAnswer[]): Promise<InterviewRecord> {
  return request<InterviewRecord>(`/api/interviews/${encodeURIComponent(id)}/finish`, { method: "POST", body: { answers } });
}

/** GET /api/interviews: finished mock interviews, newest first. */
export function listInterviews(signal?: AbortSignal): Promise<InterviewHistory> {
  return request<InterviewHistory>("/api/interviews", { signal });
}

/** GET /api/content/patterns: the design-pattern pages' metadata. */
export function listPatterns(signal?: AbortSignal): Promise<PatternList> {
  return request<PatternList>("/api/content/patterns", { signal });
}

/** GET /api/content/patterns/:id: one pattern page's metadata and markdown. */
export function getPattern(id: string, signal?: AbortSignal): Promise<PatternPage> {
  return request<PatternPage>(`/api/content/patterns/${encodeURIComponent(id)}`, { signal });
}

/** GET /api/content/search-documents: what the site's search indexes. */
export function getSearchDocuments(signal?: AbortSignal): Promise<SearchDocuments> {
  return request<SearchDocuments>("/api/content/search-documents", { signal });
}

// Team sessions. Each call carries its tab's own token in the x-azlab-token header (the server also reads ?t=
// and the azlab_token cookie): the cookie belongs to the whole browser, and a host and a participant may well
// share one browser in two tabs. With no token the cookie speaks.

/** For the two URLs that cannot carry a header (a download link, the WebSocket): the token as ?t=. */
function withToken(path: string, token: string | undefined): string {
  return token ? `${path}${path.includes("?") ? "&" : "?"}t=${encodeURIComponent(token)}` : path;
}

const teamRound = (id: string, action: string): string => `/api/team/rounds/${encodeURIComponent(id)}/${action}`;

/** GET /api/team/info: whether a session runs, and what the caller is in it. */
export function getTeamInfo(token?: string, signal?: AbortSignal): Promise<TeamInfo> {
  return request<TeamInfo>("/api/team/info", { signal, token });
}

/** POST /api/team/sessions: starts a session (only on the host's machine, only when none runs). */
export function createTeamSession(options: { title?: string; mode?: TeamMode }): Promise<CreatedTeamSession> {
  return request<CreatedTeamSession>("/api/team/sessions", { method: "POST", body: options });
}

/** POST /api/team/join: takes a display name with the join link's token; answers the participant's own token. */
export function joinTeamSession(joinToken: string, name: string): Promise<JoinedTeamSession> {
  return request<JoinedTeamSession>("/api/team/join", { method: "POST", body: { name }, token: joinToken });
}

/** GET /api/team/state: the caller's view of the session (the host's also has the join links). */
export function getTeamState(token?: string, signal?: AbortSignal): Promise<SessionView & Partial<Pick<HostSessionView, "joinPath" | "joinUrls">>> {
  return request<SessionView & Partial<Pick<HostSessionView, "joinPath" | "joinUrls">>>("/api/team/state", { signal, token });
}

/** POST /api/team/rounds (host): starts a round on a question or a lab's coding task; closes the open one. */
export function startTeamRound(task: RoundTask, token?: string): Promise<Round> {
  return request<Round>("/api/team/rounds", { method: "POST", body: task, token });
}

/** POST /api/team/rounds/:id/close (host): no more answers. */
export function closeTeamRound(roundId: string, token?: string): Promise<Ok> {
  return request<Ok>(teamRound(roundId, "close"), { method: "POST", body: {}, token });
}

/** POST /api/team/rounds/:id/reveal (host): closes the round and shows everyone the model answer. */
export function revealTeamRound(roundId: string, token?: string): Promise<Ok> {
  return request<Ok>(teamRound(roundId, "reveal"), { method: "POST", body: {}, token });
}

/** POST /api/team/rounds/:id/scores (host): a free answer's score, 0-3 per key point. */
export function scoreTeamAnswer(roundId: string, participantId: string, keyPointScores: number[], token?: string): Promise<Ok> {
  return request<Ok>(teamRound(roundId, "scores"), { method: "POST", body: { participantId, keyPointScores }, token });
}

/** PUT /api/team/draft (participant): what they have typed so far in the open round. */
export function saveTeamDraft(code: string, token?: string): Promise<Ok> {
  return request<Ok>("/api/team/draft", { method: "PUT", body: { code }, token });
}

/** POST /api/team/submit (participant): an answer, choices or code; code is graded in the background. */
export function submitTeamAnswer(answer: TeamAnswer, token?: string): Promise<Submission> {
  return request<Submission>("/api/team/submit", { method: "POST", body: answer, token });
}

/** POST /api/team/comments (host): a comment on one line of a participant's code. */
export function addTeamComment(comment: LineComment, token?: string): Promise<Ok> {
  return request<Ok>("/api/team/comments", { method: "POST", body: comment, token });
}

/** POST /api/team/end (host): ends the session; every token stops working. */
export function endTeamSession(token?: string): Promise<Ok> {
  return request<Ok>("/api/team/end", { method: "POST", body: {}, token });
}

/** GET /api/team/export (host): the session as a Markdown download; a link's address, not JSON. */
export function teamExportUrl(token?: string): string {
  return apiUrl(withToken("/api/team/export", token));
}

/** The team WebSocket's address (ws: or wss: like the page). `origin` is the page's, e.g. http://host:4280. */
export function teamSocketUrl(origin: string, token?: string): string {
  const base = apiUrl("") || origin;
  return `${base.replace(/^http/, "ws")}${withToken("/api/team/ws", token)}`;
}

/** GET /api/questions with the host's token: the bank a round is picked from, optionally one area. */
export function listTeamQuestions(area?: string, token?: string): Promise<QuestionList> {
  return request<QuestionList>(`/api/questions${area ? `?area=${encodeURIComponent(area)}` : ""}`, { token });
}

/** GET /api/labs with the host's token: the labs whose coding task a round can use. */
export function listTeamLabs(token?: string): Promise<LabList> {
  return request<LabList>("/api/labs", { token });
}
