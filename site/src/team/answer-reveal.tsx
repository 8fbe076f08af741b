// The answer of a question round: model answer, key points (with this participant's scores when given),
// correct options, the explanation and the Microsoft Learn page behind it.
import type { RoundView } from "../api/types.js";
import { MarkdownView } from "../components/markdown-view.js";

export function AnswerReveal({ answer, keyPointScores }: { answer: NonNullable<RoundView["answer"]>; keyPointScores?: number[] }) {
  return (
    <section className="answer-reveal" aria-label="Answer">
      {answer.modelAnswer && (
        <>
          <h3>Model answer</h3>
          <MarkdownView markdown={answer.modelAnswer} />
        </>
      )}
      {answer.keyPoints && (
        <>
          <h3>Key points</h3>
          <ul className="key-points">
            {answer.keyPoints.map((point, index) => (
              <li key={index}>
                {point}
                {keyPointScores?.[index] !== undefined && <span className="chip">{keyPointScores[index]}/3</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.correctOptions && (
        <p>
          <strong>Correct:</strong> {answer.correctOptions.join(", ")}
        </p>
      )}
      <MarkdownView markdown={answer.explanation} label="Explanation" />
      <p>
        <a href={answer.source} target="_blank" rel="noreferrer">
          Microsoft Learn: the source
        </a>
      </p>
    </section>
  );
}
