// A score per area as labelled bars (native <progress>, so screen readers announce each value), in the
// exam's own order of skill areas.
import { AREAS, areaLabel } from "./areas.js";
import { percent } from "./time-format.js";

type Scores = Record<string, { correct: number; total: number; score: number }>;

const order = (area: string): number => {
  const index = AREAS.findIndex((entry) => entry.id === area);
  return index === -1 ? AREAS.length : index;
};

export function AreaScores({ byArea }: { byArea: Scores }) {
  const rows = Object.entries(byArea).sort(([a], [b]) => order(a) - order(b));
  return (
    <ul className="area-scores" aria-label="Score per skill area">
      {rows.map(([area, score]) => (
        <li key={area} data-area={area}>
          <span className="area-name">{areaLabel(area)}</span>
          <progress value={score.correct} max={Math.max(score.total, 1)} aria-label={`${areaLabel(area)}: ${score.correct} of ${score.total} correct`} />
          <span className="area-score">
            {score.correct}/{score.total} ({percent(score.score)})
          </span>
        </li>
      ))}
    </ul>
  );
}
