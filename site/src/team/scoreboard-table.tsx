// Points per person over every round, best first.
import type { ScoreboardRow } from "../api/types.js";

export function ScoreboardTable({ rows, you }: { rows: ScoreboardRow[]; you?: string }) {
  return (
    <section className="team-panel scoreboard" aria-labelledby="scoreboard-title">
      <h2 id="scoreboard-title" className="panel-title">
        Scoreboard
      </h2>
      {rows.length === 0 ? (
        <p className="muted">Nobody has joined yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Name</th>
              <th scope="col">Points</th>
              <th scope="col">Answered</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.participantId} data-name={row.name} className={row.participantId === you ? "is-you" : undefined}>
                <td>{index + 1}</td>
                <th scope="row">{row.name}</th>
                <td className="points">{row.points}</td>
                <td>{row.rounds}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
