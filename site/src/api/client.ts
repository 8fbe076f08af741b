// The runner's HTTP API, one function per endpoint. Paths and shapes: runner/src/server (api.md contract).
import { apiUrl, request } from "./http.js";
import type {
  Backup,
  CheatSheet,
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
