// Spaced repetition for the question bank with ts-fsrs (the FSRS algorithm): which cards are due, what a
// rating does to a card, the daily streak and the forecast of due cards.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import type { StoredCard } from "./practice-schemas.js";

export const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
export type RatingName = keyof typeof RATINGS;

/** New cards introduced per day, as Anki and most FSRS front ends do, so a 300-card bank is not due at once. */
export const NEW_CARDS_PER_DAY = 20;

const scheduler = fsrs({ enable_fuzz: false });

export function toCard(stored: StoredCard | undefined, now: Date): Card {
  if (!stored) return createEmptyCard(now);
  return { ...stored, due: new Date(stored.due), last_review: stored.last_review ? new Date(stored.last_review) : undefined };
}

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review?.toISOString(),
  };
}

export function rate(stored: StoredCard | undefined, rating: RatingName, now: Date): StoredCard {
  return toStored(scheduler.next(toCard(stored, now), now, RATINGS[rating] as Grade).card);
}

/** The local calendar day of a date, as YYYY-MM-DD. */
export const dayOf = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

/** Consecutive days with at least one review, ending today (or yesterday, when today has none yet). */
export function streak(reviewDays: readonly string[], now: Date): number {
  const days = new Set(reviewDays);
  const cursor = new Date(now);
  if (!days.has(dayOf(cursor))) cursor.setDate(cursor.getDate() - 1);
  let count = 0;
  while (days.has(dayOf(cursor))) {
    count += 1;
    cursor.setDate(cursor.getDate() - 1);
  }
  return count;
}

/** Due cards per day for the next `days` days (day 0 includes everything overdue). */
export function forecast(cards: Iterable<StoredCard>, now: Date, days = 7): Array<{ day: string; due: number }> {
  const out = Array.from({ length: days }, (_, i) => {
    const date = new Date(now);
    date.setDate(date.getDate() + i);
    return { day: dayOf(date), due: 0 };
  });
  const today = dayOf(now);
  for (const card of cards) {
    const day = dayOf(new Date(card.due));
    const slot = day <= today ? out[0] : out.find((entry) => entry.day === day);
    if (slot) slot.due += 1;
  }
  return out;
}
