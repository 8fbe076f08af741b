// The header's search box: type to see the best matches grouped by kind, arrows to move, Enter to open,
// Escape to close, and "/" anywhere on the page to focus it. Enter with nothing highlighted opens /search.
import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../api/http.js";
import { loadSearchIndex, searchContent, type SearchGroup, type SearchHit } from "../practice/search-index.js";
import { SearchListbox } from "./search-results.js";

const PER_GROUP = 4;

/** Whether a key press belongs to a field the learner is typing in (the editor's too). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element?.closest?.("input, textarea, select, [contenteditable=''], [contenteditable=true], .monaco-editor"));
}

export function SearchBox() {
  const [query, setQuery] = useState("");
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const listId = useId().replace(/:/g, "");
  const hits = groups.flatMap((group) => group.hits);

  // "/" focuses the box from anywhere except a field being typed in.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    let current = true;
    if (!query.trim()) {
      setGroups([]);
      return;
    }
    searchContent(query, PER_GROUP).then(
      (found) => {
        if (!current) return;
        setFailure(null);
        setGroups(found);
        setActive(-1);
      },
      (error: unknown) => {
        if (current) setFailure(describeError(error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [query]);

  const go = (url: string): void => {
    setOpen(false);
    setActive(-1);
    input.current?.blur();
    void navigate(url);
  };
  const pick = (hit: SearchHit): void => go(hit.url);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit) pick(hit);
      else if (query.trim()) go(`/search?q=${encodeURIComponent(query.trim())}`);
    } else if (event.key === "Escape") {
      if (open) setOpen(false);
      else input.current?.blur();
    }
  };

  const showList = open && query.trim() !== "";
  return (
    <div className="search-box" role="search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search the cheat sheet, patterns, questions and labs
      </label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        placeholder="Search  /"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-option-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          // Start building the index while the learner types their first letters.
          void loadSearchIndex().catch(() => undefined);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div className="search-popup">
          {failure ? (
            <p className="search-empty" role="status">
              Search is unavailable: {failure}
            </p>
          ) : hits.length === 0 ? (
            <p className="search-empty" role="status">
              No matches for “{query.trim()}”.
            </p>
          ) : (
            <SearchListbox id={listId} groups={groups} active={active} onPick={pick} onHover={setActive} />
          )}
          <button
            type="button"
            className="link-button search-all"
            onMouseDown={(event) => {
              event.preventDefault();
              go(`/search?q=${encodeURIComponent(query.trim())}`);
            }}
          >
            All results for “{query.trim()}”
          </button>
        </div>
      )}
    </div>
  );
}
