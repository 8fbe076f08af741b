// Area and topic filters for practice, kept in the URL (?area=&topic=) so a link can open a filtered drill.
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { listQuestions } from "../api/client.js";
import { AREAS, topicLabel } from "./areas.js";
import { useApi } from "./use-api.js";

export function usePracticeFilter(): { area: string; topic: string; setFilter: (key: "area" | "topic", value: string) => void } {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: "area" | "topic", value: string): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A new area makes the old topic meaningless.
    if (key === "area") next.delete("topic");
    setParams(next, { replace: true });
  };
  return { area: params.get("area") ?? "", topic: params.get("topic") ?? "", setFilter };
}

export function PracticeFilters({ area, topic, onChange }: { area: string; topic: string; onChange: (key: "area" | "topic", value: string) => void }) {
  // The topics come from the bank itself, so a new topic in content/ appears without a site change.
  const bank = useApi((signal) => listQuestions({}, signal), []);
  const topics = useMemo(() => {
    const all = (bank.data?.questions ?? []).filter((q) => !area || q.area === area).map((q) => q.topic);
    const list = [...new Set(all)].sort();
    // A topic from a link (a weak topic) stays selectable while the bank loads.
    if (topic && !list.includes(topic)) list.unshift(topic);
    return list;
  }, [bank.data, area, topic]);

  return (
    <form className="filters" aria-label="Filter questions" onSubmit={(e) => e.preventDefault()}>
      <label>
        Area
        <select value={area} onChange={(e) => onChange("area", e.target.value)}>
          <option value="">All areas</option>
          {AREAS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Topic
        <select value={topic} onChange={(e) => onChange("topic", e.target.value)}>
          <option value="">All topics</option>
          {topics.map((entry) => (
            <option key={entry} value={entry}>
              {topicLabel(entry)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
