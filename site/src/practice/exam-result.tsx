// A submitted practice exam: the score, the score per skill area, and every question again with the picks,
// the right answer, each option's explanation and the Microsoft Learn source.
import type { QuestionPrompt, SubmittedExam } from "../api/types.js";
import { MarkdownView } from "../components/markdown-view.js";
import { AreaScores } from "./area-scores.js";
import { areaLabel } from "./areas.js";
import { OptionList } from "./option-list.js";
import { PromptView } from "./prompt-view.js";
import { percent } from "./time-format.js";

/** The exam's pass mark is 700 of 1000; as a fraction of questions it is only a rough guide. */
const PASS_GUIDE = 0.7;

export function ExamResult({ submitted, questions }: { submitted: SubmittedExam; questions: readonly QuestionPrompt[] }) {
  const { result } = submitted;
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (
    <section className="exam-result" aria-labelledby="exam-score" data-exam-result={submitted.exam.id}>
      <h2 id="exam-score" className="exam-score">
        {result.correct} of {result.total} correct ({percent(result.score)})
      </h2>
      <p className="muted">
        {result.score >= PASS_GUIDE
          ? "Above the 70% mark that roughly matches the real exam's 700 of 1000."
          : "Below the 70% mark that roughly matches the real exam's 700 of 1000: the review below shows where."}
      </p>
      <h3>By skill area</h3>
      <AreaScores byArea={result.byArea} />

      <h3>Review</h3>
      <ol className="exam-review">
        {result.review.map((answer, i) => {
          const prompt = byId.get(answer.questionId);
          return (
            <li key={answer.questionId} className={`review-item ${answer.correct ? "review-right" : "review-wrong"}`} data-question={answer.questionId} data-correct={answer.correct}>
              <p className="question-meta">
                <strong>
                  {i + 1}. {answer.correct ? "Correct" : answer.picked.length === 0 ? "Not answered" : "Wrong"}
                </strong>{" "}
                <span className="muted">· {areaLabel(answer.area)}</span>
              </p>
              {prompt && <PromptView prompt={prompt.prompt} code={prompt.code} />}
              <OptionList name={`review-${answer.questionId}`} options={answer.options} multiple={answer.correctOptions.length > 1} picked={answer.picked} feedback={answer.options} />
              <div className="explanation">
                <MarkdownView markdown={answer.explanation} />
                <p>
                  <a href={answer.source} target="_blank" rel="noopener noreferrer">
                    Source on Microsoft Learn
                  </a>
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
