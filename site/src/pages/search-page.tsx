// /search?q=: every match across the cheat sheet, the pattern pages, the question bank and the labs.
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorNotice } from "../components/error-notice.js";
import { SearchResultList } from "../components/search-results.js";
import { searchContent, type SearchGroup } from "../practice/search-index.js";

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    setGroups(null);
    searchContent(query).then(
      (found) => current && setGroups(found),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [query, attempt]);

  const total = groups?.reduce((sum, group) => sum + group.hits.length, 0) ?? 0;
  return (
    <section className="page narrow" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get("q");
          setParams(value ? { q: String(value) } : {});
        }}
      >
        <label>
          <span className="sr-only">Search for</span>
          <input key={query} type="search" name="q" defaultValue={query} placeholder="Saga, SAS, cold start…" />
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {error ? <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!query.trim() && <p className="muted">Search the cheat sheet, the design patterns, the question bank and the labs.</p>}
      {query.trim() && !groups && !error && <p className="loading" role="status">Searching…</p>}
      {query.trim() && groups && (
        <>
          <p className="muted" role="status">
            {total === 0 ? `No matches for “${query}”.` : `${total} result${total === 1 ? "" : "s"} for “${query}”.`}
          </p>
          <SearchResultList groups={groups} />
        </>
      )}
    </section>
  );
}
