// Points per participant over every round: a choice question scores 3 when exactly right, a free answer the
// host's 0-3 per key point, a coding task 10 x its test score (hidden tests included).
import type { Session } from "./session-schema.js";

export interface ScoreboardRow {
  participantId: string;
  name: string;
  points: number;
  rounds: number;
}

export function scoreboard(session: Session): ScoreboardRow[] {
  return session.participants
    .map((participant) => {
      const submissions = session.rounds.map((round) => round.submissions[participant.id]).filter((s) => s !== undefined);
      return {
        participantId: participant.id,
        name: participant.name,
        points: Math.round(submissions.reduce((sum, s) => sum + s.points, 0) * 10) / 10,
        rounds: submissions.length,
      };
    })
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
}
