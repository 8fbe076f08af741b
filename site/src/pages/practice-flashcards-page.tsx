// /practice/flashcards: today's due cards (then new ones), answered and rated Again/Hard/Good/Easy (keys 1-4).
// The server schedules each card with FSRS and keeps the schedule in .azlab/, so a reload loses nothing.
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { getDueFlashcards, reviewFlashcard } from "../api/client.js";
import type { DueFlashcards, FlashcardRating } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { FlashcardStatsPanel } from "../practice/flashcard-stats.js";
import { PracticeFilters, usePracticeFilter } from "../practice/practice-filters.js";
import { QuestionCard } from "../practice/question-card.js";
import { fromNow } from "../practice/time-format.js";

const RATINGS: Array<{ id: FlashcardRating; label: string; key: string; meaning: string }> = [
  { id: "again", label: "Again", key: "1", meaning: "I did not know it" },
  { id: "hard", label: "Hard", key: "2", meaning: "I knew it with effort" },
  { id: "good", label: "Good", key: "3", meaning: "I knew it" },
  { id: "easy", label: "Easy", key: "4", meaning: "Too easy" },
];

/** Cards rated in this visit that come back within this long are waited for on the page. */
const COMEBACK_WINDOW_MS = 30 * 60_000;

interface LastReview {
  rating: FlashcardRating;
  due: string;
}

export default function PracticeFlashcardsPage() {
  const { area, topic, setFilter } = usePracticeFilter();
  const [due, setDue] = useState<DueFlashcards | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [rateError, setRateError] = useState<unknown>(null);
  const [revealed, setRevealed] = useState(false);
  const [rating, setRating] = useState<FlashcardRating | null>(null);
  const [last, setLast] = useState<LastReview | null>(null);
  // Due dates of the cards rated here (learning steps bring Again cards back within minutes).
  const [comebacks, setComebacks] = useState<Record<string, string>>({});
  const loadId = useRef(0);

  const load = useCallback(async () => {
    const id = ++loadId.current;
    setLoadError(null);
    try {
      const next = await getDueFlashcards({ area, topic, limit: 50 });
      if (id === loadId.current) setDue(next);
    } catch (error) {
      if (id === loadId.current) setLoadError(error);
    }
  }, [area, topic]);

  useEffect(() => {
    setDue(null);
    setRevealed(false);
    void load();
  }, [load]);

  const current = due?.questions[0];
  useEffect(() => setRevealed(false), [current?.id]);

  const rate = useCallback(
    async (choice: FlashcardRating) => {
      if (!current || rating) return;
      setRating(choice);
      setRateError(null);
      try {
        const result = await reviewFlashcard(current.id, choice);
        setLast({ rating: choice, due: result.card.due });
        setComebacks((prev) => ({ ...prev, [current.id]: result.card.due }));
        // Move on at once; the server's list (and its stats) replaces this a moment later.
        setDue((prev) => prev && { questions: prev.questions.filter((q) => q.id !== current.id), stats: result.stats });
        setRevealed(false);
        await load();
      } catch (error) {
        setRateError(error);
      } finally {
        setRating(null);
      }
    },
    [current, rating, load],
  );

  // Keys 1-4 rate the card once its answer shows (not while typing in a field).
  useEffect(() => {
    if (!revealed) return;
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const choice = RATINGS.find((entry) => entry.key === event.key);
      if (choice) {
        event.preventDefault();
        void rate(choice.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, rate]);

  // With nothing left, wait on the page for the next card rated here that comes back soon.
  const nextComeback = Object.values(comebacks)
    .map((iso) => new Date(iso).getTime())
    .filter((time) => time > Date.now() && time - Date.now() < COMEBACK_WINDOW_MS)
    .sort((a, b) => a - b)[0];
  const queueEmpty = due !== null && due.questions.length === 0;
  useEffect(() => {
    if (!queueEmpty || nextComeback === undefined) return;
    const timer = setTimeout(() => void load(), nextComeback - Date.now() + 1000);
    return () => clearTimeout(timer);
  }, [queueEmpty, nextComeback, load]);

  return (
    <section className="page practice-page" aria-labelledby="flashcards-title">
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link to="/practice">Practice</Link>
          </p>
          <h1 id="flashcards-title">Flashcards</h1>
          <p className="muted">Spaced repetition (FSRS): rate how well you knew each answer, and it comes back just before you would forget it.</p>
        </div>
        <PracticeFilters area={area} topic={topic} onChange={setFilter} />
      </div>

      {loadError ? <ErrorNotice error={loadError} onRetry={() => void load()} /> : null}
      {!due && !loadError && <p className="loading" role="status">Loading your cards…</p>}

      {due && (
        <div className="flashcards-layout" data-ready="true">
          <div className="flashcard-column">
            {last && (
              <p className="last-review muted" role="status" data-last-rating={last.rating}>
                Rated {last.rating}: this card comes back {fromNow(last.due)}.
              </p>
            )}
            {current ? (
              <>
                <p className="queue-count muted">
                  {due.questions.length} card{due.questions.length === 1 ? "" : "s"} left in this session
                </p>
                <QuestionCard key={current.id} question={current} revealed={revealed} onReveal={() => setRevealed(true)} />
                {rateError ? <ErrorNotice error={rateError} /> : null}
                {revealed && (
                  <div className="rating-bar" role="group" aria-label="How well did you know it?">
                    {RATINGS.map((entry) => (
                      <button
                        key={entry.id}
                        type="button"
                        className={`rating rating-${entry.id}`}
                        onClick={() => void rate(entry.id)}
                        disabled={rating !== null}
                        title={`${entry.meaning} (key ${entry.key})`}
                      >
                        {entry.label} <kbd>{entry.key}</kbd>
                      </button>
                    ))}
                  </div>
                )}
              </>
            ) : (
              <div className="done notice" role="status" data-session="done">
                <p className="notice-title">Nothing due{area || topic ? " for this filter" : ""} right now.</p>
                {nextComeback !== undefined ? (
                  <p>
                    A card you rated comes back {fromNow(new Date(nextComeback).toISOString())}; this page will show it then.
                  </p>
                ) : (
                  <p>Come back tomorrow, or try a <Link to="/practice/exam">practice exam</Link>.</p>
                )}
              </div>
            )}
          </div>
          <FlashcardStatsPanel stats={due.stats} />
        </div>
      )}
    </section>
  );
}
