// /practice/questions/:id: one question of the bank for self-study (where search results lead).
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getQuestion } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { topicLabel } from "../practice/areas.js";
import { QuestionCard } from "../practice/question-card.js";
import { useApi } from "../practice/use-api.js";

export default function PracticeQuestionPage() {
  const { id = "" } = useParams();
  const { data, error, reload } = useApi((signal) => getQuestion(id, signal), [id]);
  const [revealedId, setRevealedId] = useState<string | null>(null);

  return (
    <section className="page narrow practice-page" aria-label="Question">
      <p className="breadcrumb">
        <Link to="/practice">Practice</Link>
      </p>
      {error ? (
        <ErrorNotice error={error} onRetry={reload}>
          <p>
            <Link to="/practice/flashcards">Drill the flashcards instead</Link>
          </p>
        </ErrorNotice>
      ) : null}
      {!data && !error && <p className="loading" role="status">Loading the question…</p>}
      {data && data.question.id === id && (
        <>
          <QuestionCard key={id} question={data.question} revealed={revealedId === id} onReveal={() => setRevealedId(id)} />
          <p>
            <Link to={`/practice/flashcards?topic=${encodeURIComponent(data.question.topic)}`}>
              Drill “{topicLabel(data.question.topic)}” as flashcards
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
