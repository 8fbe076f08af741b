// Times as a learner reads them: "in 10 minutes", "04:09", "Tue".

/** "in 45 seconds", "in 10 minutes", "in 3 hours", "in 4 days" (or "now" when already due). */
export function fromNow(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return "now";
  const unit = (value: number, name: string) => `in ${value} ${name}${value === 1 ? "" : "s"}`;
  if (seconds < 60) return unit(seconds, "second");
  if (seconds < 3600) return unit(Math.round(seconds / 60), "minute");
  if (seconds < 86_400) return unit(Math.round(seconds / 3600), "hour");
  return unit(Math.round(seconds / 86_400), "day");
}

/** A countdown: "1:05:09" or "04:09". */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "YYYY-MM-DD" (a local day from the server) -> "Tue". */
export function shortDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  const value = new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  return value.toLocaleDateString(undefined, { weekday: "short" });
}

/** A date and time in the learner's locale, for history lists. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** 0.8125 -> "81%". */
export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;
