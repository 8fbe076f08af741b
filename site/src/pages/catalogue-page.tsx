// The catalogue: labs grouped by the five AZ-204 skill areas, with progress per area and filters.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { listLabs } from "../api/client.js";
import type { LabList, ProgressState, ServiceId } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { LabCard } from "../components/lab-card.js";
import { ProgressBar } from "../components/progress-bar.js";
import { SERVICE_LABELS, STATE_LABELS } from "../lab/labels.js";

export function CataloguePage() {
  const [data, setData] = useState<LabList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [params, setParams] = useSearchParams();
  const service = params.get("service") ?? "";
  const state = params.get("state") ?? "";

  const load = useCallback(() => {
    const controller = new AbortController();
    setError(null);
    listLabs(controller.signal).then(setData, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, []);
  useEffect(load, [load]);

  const setFilter = (key: string, value: string): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const services = useMemo(
    () => [...new Set(data?.labs.flatMap((lab) => lab.services) ?? [])].sort() as ServiceId[],
    [data],
  );

  if (error) return <section className="page"><ErrorNotice error={error} onRetry={load} /></section>;
  if (!data) return <p className="loading" role="status">Loading labs…</p>;

  const visible = data.labs.filter(
    (lab) => (!service || lab.services.includes(service as ServiceId)) && (!state || lab.progress.state === state),
  );
  const passedTotal = data.labs.filter((lab) => lab.progress.state === "passed").length;

  return (
    <section className="page" data-ready="true" aria-labelledby="catalogue-title">
      <div className="page-head">
        <div>
          <h1 id="catalogue-title">AZ-204 labs</h1>
          <p className="muted">
            Real Azure SDKs against local emulators. {passedTotal} of {data.labs.length} labs passed.
          </p>
        </div>
        <form className="filters" aria-label="Filter labs" onSubmit={(e) => e.preventDefault()}>
          <label>
            Service
            <select value={service} onChange={(e) => setFilter("service", e.target.value)}>
              <option value="">All services</option>
              {services.map((id) => (
                <option key={id} value={id}>
                  {SERVICE_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
          <label>
            State
            <select value={state} onChange={(e) => setFilter("state", e.target.value)}>
              <option value="">Any state</option>
              {(Object.keys(STATE_LABELS) as ProgressState[]).map((id) => (
                <option key={id} value={id}>
                  {STATE_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>

      {data.skills.map((skill) => {
        const all = data.labs.filter((lab) => lab.skill === skill.id);
        const shown = visible.filter((lab) => lab.skill === skill.id);
        const passed = all.filter((lab) => lab.progress.state === "passed").length;
        return (
          <section key={skill.id} className="skill-area" aria-labelledby={`skill-${skill.id}`}>
            <div className="skill-head">
              <h2 id={`skill-${skill.id}`}>
                {skill.title} <span className="muted weight">{skill.weight} of the exam</span>
              </h2>
              <ProgressBar value={passed} max={all.length} label={`${skill.title}: labs passed`} />
            </div>
            {shown.length > 0 ? (
              <ul className="lab-grid">
                {shown.map((lab) => (
                  <LabCard key={lab.id} lab={lab} />
                ))}
              </ul>
            ) : (
              <p className="muted empty">{all.length === 0 ? "No labs in this area yet." : "No lab here matches the filters."}</p>
            )}
          </section>
        );
      })}
    </section>
  );
}
