// Search results grouped by kind, each with its title and a snippet with the matched words marked. The
// search box shows them as a listbox (keyboard-driven through aria-activedescendant); the search page as links.
import { Link } from "react-router";
import type { SearchGroup, SearchHit, SnippetPart } from "../practice/search-index.js";

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="search-snippet">
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

/** Results as a listbox; `active` is the index of the highlighted hit across all groups. */
export function SearchListbox({
  id,
  groups,
  active,
  onPick,
  onHover,
}: {
  id: string;
  groups: readonly SearchGroup[];
  active: number;
  onPick: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}) {
  let position = -1;
  return (
    <div id={id} role="listbox" className="search-listbox" aria-label="Search results">
      {groups.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} className="search-group">
          <div id={`${id}-${group.kind}`} className="search-group-label" role="presentation">
            {group.label}
          </div>
          {group.hits.map((hit) => {
            position += 1;
            const index = position;
            return (
              <div
                key={hit.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                className={`search-option${index === active ? " search-option-active" : ""}`}
                data-url={hit.url}
                // mousedown, not click: the input would lose focus first and close the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  onPick(hit);
                }}
                onMouseMove={() => onHover(index)}
              >
                <span className="search-title">{hit.title}</span>
                <Snippet parts={hit.snippet} />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** Results as headed lists of links (the /search page). */
export function SearchResultList({ groups }: { groups: readonly SearchGroup[] }) {
  return (
    <div className="search-results">
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`results-${group.kind}`} className="search-group" data-kind={group.kind}>
          <h2 id={`results-${group.kind}`}>
            {group.label} <span className="muted weight">{group.hits.length}</span>
          </h2>
          <ul>
            {group.hits.map((hit) => (
              <li key={hit.id} className="search-result">
                <Link to={hit.url} className="search-title">
                  {hit.title}
                </Link>
                <Snippet parts={hit.snippet} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
