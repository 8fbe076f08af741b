// A copy of text the server has not confirmed yet, kept in this browser so a closed tab or a stopped server
// never loses typing. Cleared as soon as a save succeeds.
interface UnsavedCopy {
  source: string;
  at: number;
}

const key = (labId: string): string => `azlab:unsaved:${labId}`;

export function keepUnsaved(labId: string, source: string): void {
  try {
    localStorage.setItem(key(labId), JSON.stringify({ source, at: Date.now() } satisfies UnsavedCopy));
  } catch {
    // Storage full or disabled: the server save and its visible status still protect the text.
  }
}

export function clearUnsaved(labId: string): void {
  try {
    localStorage.removeItem(key(labId));
  } catch {
    // nothing to clear
  }
}

/** The unsaved copy if it is newer than the server's draft (saved at `savedAt`), else null. */
export function readUnsaved(labId: string, savedAt: string | null): UnsavedCopy | null {
  try {
    const raw = localStorage.getItem(key(labId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as UnsavedCopy;
    if (typeof copy.source !== "string" || typeof copy.at !== "number") return null;
    if (savedAt && Date.parse(savedAt) >= copy.at) return null;
    return copy;
  } catch {
    return null;
  }
}
