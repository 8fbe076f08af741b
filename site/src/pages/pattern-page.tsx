// /patterns/:id: one pattern page with its diagrams drawn, the Azure services, the labs that practise it and
// the Microsoft Learn page it follows.
import { Link, useParams } from "react-router";
import { getPattern, listLabs } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { RichMarkdown } from "../practice/rich-markdown.js";
import { useApi } from "../practice/use-api.js";

export default function PatternPage() {
  const { id = "" } = useParams();
  const { data, error, reload } = useApi((signal) => getPattern(id, signal), [id]);
  // Lab titles for the "Practise it" links; without the catalogue the ids still link.
  const labs = useApi((signal) => listLabs(signal), []);
  const labTitle = (lab: string): string => labs.data?.labs.find((entry) => entry.id === lab)?.title ?? lab;

  if (error) {
    return (
      <section className="page narrow">
        <h1>Design pattern</h1>
        <ErrorNotice error={error} onRetry={reload}>
          <p>
            <Link to="/patterns">All design patterns</Link>
          </p>
        </ErrorNotice>
      </section>
    );
  }
  if (!data || data.meta.id !== id) return <p className="loading" role="status">Loading the pattern…</p>;
  const { meta, markdown } = data;
  return (
    <article className="page narrow pattern-page" aria-labelledby="pattern-title">
      <p className="breadcrumb">
        <Link to="/patterns">Design patterns</Link>
      </p>
      <h1 id="pattern-title">{meta.title}</h1>
      <p className="lead">{meta.summary}</p>
      <dl className="pattern-facts">
        <dt>Azure services</dt>
        <dd>
          <ul className="chips">
            {meta.azureServices.map((service) => (
              <li key={service} className="chip">
                {service}
              </li>
            ))}
          </ul>
        </dd>
        {meta.relatedLabs.length > 0 && (
          <>
            <dt>Practise it</dt>
            <dd>
              <ul className="inline-list" aria-label="Related labs">
                {meta.relatedLabs.map((lab) => (
                  <li key={lab}>
                    <Link to={`/labs/${lab}`}>{labTitle(lab)}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Source</dt>
        <dd>
          <a href={meta.source} target="_blank" rel="noopener noreferrer">
            {meta.source.replace(/^https:\/\//, "")}
          </a>
        </dd>
      </dl>
      <RichMarkdown markdown={markdown} className="pattern-body" />
      <p className="pattern-next">
        <Link to="/practice/flashcards?area=patterns">Drill pattern questions as flashcards</Link>
      </p>
    </article>
  );
}
