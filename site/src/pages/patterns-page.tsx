// /patterns: the cloud design patterns interviews ask about, as cards with the Azure services behind each.
import { Link } from "react-router";
import { listPatterns } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { useApi } from "../practice/use-api.js";

export default function PatternsPage() {
  const { data, error, reload } = useApi((signal) => listPatterns(signal), []);

  if (error) return <section className="page"><h1>Design patterns</h1><ErrorNotice error={error} onRetry={reload} /></section>;
  if (!data) return <p className="loading" role="status">Loading the patterns…</p>;
  return (
    <section className="page" aria-labelledby="patterns-title" data-ready="true">
      <div className="page-head">
        <div>
          <h1 id="patterns-title">Design patterns</h1>
          <p className="muted">
            The patterns Azure developer interviews ask about: the problem, the solution with a diagram, the Azure services that implement it,
            and the questions with model answers.
          </p>
        </div>
      </div>
      <ul className="lab-grid pattern-grid">
        {data.patterns.map((pattern) => (
          <li key={pattern.id} className="lab-card pattern-card">
            <h3>
              <Link to={`/patterns/${pattern.id}`}>{pattern.title}</Link>
            </h3>
            <p className="lab-summary">{pattern.summary}</p>
            <ul className="chips" aria-label="Azure services">
              {pattern.azureServices.map((service) => (
                <li key={service} className="chip">
                  {service}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
