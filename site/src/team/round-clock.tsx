// Time left in a round, by the server's clock (the offset corrects this browser's).
import type { RoundView } from "../api/types.js";
import { formatSeconds } from "./labels.js";
import { useNow } from "./use-now.js";

export function RoundClock({ round, clockOffsetMs }: { round: RoundView; clockOffsetMs: number }) {
  const now = useNow() + clockOffsetMs;
  const left = (Date.parse(round.endsAt) - now) / 1000;
  const text =
    round.status === "revealed" ? "Answers revealed" : round.status === "closed" ? "Round closed" : left > 0 ? `${formatSeconds(left)} left` : "Time is up";
  return (
    <span className={`round-clock${round.status === "open" && left <= 30 ? " round-clock-late" : ""}`} data-round-status={round.status} role="timer" aria-live="off">
      {text}
    </span>
  );
}
