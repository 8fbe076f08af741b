// The learner's flashcard numbers: due today, new today, reviewed today, the streak, and a 7-day forecast of
// due cards as a bar chart (plain HTML and CSS, one labelled bar per day).
import type { FlashcardStats } from "../api/types.js";
import { shortDay } from "./time-format.js";

export function FlashcardStatsPanel({ stats }: { stats: FlashcardStats }) {
  return (
    <section className="stats-panel" aria-label="Flashcard statistics">
      <dl className="stat-grid">
        <Stat name="Due today" value={stats.dueToday} id="due" />
        <Stat name="New today" value={stats.newToday} id="new" />
        <Stat name="Reviewed today" value={stats.reviewedToday} id="reviewed" />
        <Stat name="Streak" value={stats.streak} id="streak" unit={stats.streak === 1 ? "day" : "days"} />
      </dl>
      <Forecast forecast={stats.forecast} />
    </section>
  );
}

function Stat({ name, value, id, unit }: { name: string; value: number; id: string; unit?: string }) {
  return (
    <div className="stat" data-stat={id}>
      <dt>{name}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {unit && <span className="muted"> {unit}</span>}
      </dd>
    </div>
  );
}

export function Forecast({ forecast }: { forecast: FlashcardStats["forecast"] }) {
  const max = Math.max(1, ...forecast.map((entry) => entry.due));
  return (
    <figure className="forecast">
      <figcaption>Reviews due in the next 7 days (all cards)</figcaption>
      <ol>
        {forecast.map((entry, index) => (
          <li key={entry.day} data-day={entry.day} aria-label={`${index === 0 ? "Today" : shortDay(entry.day)}: ${entry.due} due`}>
            <span className="forecast-count">{entry.due}</span>
            <span className="forecast-bar" style={{ height: `${(entry.due / max) * 100}%` }} />
            <span className="forecast-day">{index === 0 ? "Today" : shortDay(entry.day)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
