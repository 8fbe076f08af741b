// One lab in the catalogue: what it is, what it uses, and where the learner stands.
import { Link } from "react-router";
import type { LabSummary } from "../api/types.js";
import { SERVICE_LABELS, stateLabel } from "../lab/labels.js";

export function LabCard({ lab }: { lab: LabSummary }) {
  const { state } = lab.progress;
  return (
    <li className={`lab-card state-${state}`}>
      <h3>
        <Link to={`/labs/${lab.id}`}>{lab.title}</Link>
      </h3>
      <p className="lab-summary">{lab.summary}</p>
      <ul className="chips" aria-label="Services used">
        {lab.services.map((service) => (
          <li key={service} className="chip">
            {SERVICE_LABELS[service]}
          </li>
        ))}
      </ul>
      <p className="lab-meta">
        <span className={`difficulty difficulty-${lab.difficulty}`}>{lab.difficulty}</span>
        <span>{lab.minutes} min</span>
        <span className={`state-badge state-badge-${state}`} data-state={state}>
          {stateLabel(lab.progress)}
        </span>
      </p>
    </li>
  );
}
