// ISO 8601 durations as Config.json uses them ("PT1M", "P14D", "PT0.5S", "P10675199DT2H48M5.4775807S").
const PATTERN = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** .NET's TimeSpan.MaxValue, which Azure uses for "never expires". */
const TIMESPAN_MAX_MS = 922_337_203_685_477;

/** Milliseconds, Infinity for TimeSpan.MaxValue, or undefined when the text is not a duration. */
export function parseIsoDuration(text: string): number | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match || text.trim() === "P" || text.trim().endsWith("T")) return undefined;
  const [, d, h, m, s] = match;
  const ms = (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  return ms >= TIMESPAN_MAX_MS ? Infinity : ms;
}

/** Milliseconds as an ISO 8601 duration ("PT1M", "P1DT2H"); Infinity as TimeSpan.MaxValue, as Azure writes it. */
export function formatIsoDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "P10675199DT2H48M5.4775807S";
  let rest = ms / 1000;
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const seconds = Math.round((rest - minutes * 60) * 1000) / 1000;
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : days ? "" : "T0S"}`;
}
