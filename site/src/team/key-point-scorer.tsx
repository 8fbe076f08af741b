// The host scores a free answer: 0-3 for each key point it covers. Saved as one set; the scoreboard follows.
import { useState } from "react";
import { scoreTeamAnswer } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";

export interface KeyPointScorerProps {
  roundId: string;
  participantId: string;
  name: string;
  keyPoints: string[];
  saved?: number[];
  token?: string;
}

export function KeyPointScorer({ roundId, participantId, name, keyPoints, saved, token }: KeyPointScorerProps) {
  const [scores, setScores] = useState<number[]>(() => keyPoints.map((_, i) => saved?.[i] ?? 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dirty = !saved || scores.some((score, i) => score !== saved[i]);

  const save = () => {
    setBusy(true);
    setError(null);
    scoreTeamAnswer(roundId, participantId, scores, token)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <div className="key-point-scorer">
      <ol>
        {keyPoints.map((point, index) => (
          <li key={index}>
            <span>{point}</span>
            <select
              aria-label={`${name}: score for key point ${index + 1}`}
              value={scores[index]}
              onChange={(e) => setScores((current) => current.map((s, i) => (i === index ? Number(e.target.value) : s)))}
            >
              {[0, 1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ol>
      <button type="button" onClick={save} disabled={busy || !dirty}>
        {saved && !dirty ? `Scored ${saved.reduce((a, b) => a + b, 0)}` : `Save score for ${name}`}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
