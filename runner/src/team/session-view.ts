// What each role sees of a session. The host sees everything; a participant sees the round's prompt, their
// own draft, submission and report (hidden tests' details removed), the scoreboard, and who is in the room,
// never another participant's code or answers, nor any token.
import type { Question } from "../content/question-schema.js";
import type { Report } from "../grader/report-schema.js";
import { toPrompt, type QuestionPrompt } from "../practice/practice-service.js";
import { scoreboard, type ScoreboardRow } from "./scoreboard.js";
import type { Participant, Round, Session, Submission } from "./session-schema.js";

export type Viewer = { role: "host" } | { role: "participant"; participant: Participant };

export interface LabTask {
  id: string;
  title: string;
  readme: string;
  starter: string;
}

export interface RoundView {
  id: string;
  number: number;
  kind: Round["kind"];
  status: Round["status"];
  startedAt: string;
  endsAt: string;
  question?: QuestionPrompt;
  /** After the host reveals: the model answer, key points or correct options and explanation. */
  answer?: Pick<Question, "explanation" | "source"> & { modelAnswer?: string; keyPoints?: string[]; correctOptions?: string[] };
  lab?: LabTask;
  /** Host: every participant's state; participant: their own only. */
  participants: Array<{
    id: string;
    name: string;
    typing: boolean;
    draft?: string;
    submission?: Submission;
  }>;
  comments: Round["comments"];
}

export interface SessionView {
  id: string;
  title: string;
  mode: Session["mode"];
  role: Viewer["role"];
  you?: { id: string; name: string };
  participants: Array<{ id: string; name: string }>;
  rounds: RoundView[];
  scoreboard: ScoreboardRow[];
  endedAt: string | null;
  now: string;
}

/** Hidden tests are graded but not shown: a participant sees their names and status, not their messages. */
export function redactHidden(report: Report): Report {
  return {
    ...report,
    tests: report.tests.map((test) => (test.hidden ? { ...test, message: test.status === "fail" ? "A hidden test failed." : undefined, output: undefined } : test)),
  };
}

const TYPING_WINDOW_MS = 5_000;

export interface ViewContext {
  questions: Map<string, Question>;
  labs: Map<string, LabTask>;
  now: Date;
}

function answerOf(question: Question): RoundView["answer"] {
  const options = "options" in question && question.options ? question.options : undefined;
  return {
    explanation: question.explanation,
    source: question.source,
    ...("modelAnswer" in question && question.modelAnswer ? { modelAnswer: question.modelAnswer } : {}),
    ...("keyPoints" in question && question.keyPoints ? { keyPoints: question.keyPoints } : {}),
    ...(options ? { correctOptions: options.filter((o) => o.correct).map((o) => o.id) } : {}),
  };
}

export function roundView(round: Round, session: Session, viewer: Viewer, context: ViewContext): RoundView {
  const question = round.questionId ? context.questions.get(round.questionId) : undefined;
  const isHost = viewer.role === "host";
  const visible = isHost ? session.participants : session.participants.filter((p) => p.id === viewer.participant.id);
  // In a pair interview the interviewer watches the candidate's editor live; in a group round the host sees
  // drafts too, to follow progress.
  return {
    id: round.id,
    number: round.number,
    kind: round.kind,
    status: round.status,
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    ...(question ? { question: toPrompt(question) } : {}),
    ...(question && (round.status === "revealed" || isHost) ? { answer: answerOf(question) } : {}),
    ...(round.labId && context.labs.get(round.labId) ? { lab: context.labs.get(round.labId)! } : {}),
    participants: visible.map((participant) => {
      const draft = round.drafts[participant.id];
      const submission = round.submissions[participant.id];
      return {
        id: participant.id,
        name: participant.name,
        typing: draft !== undefined && context.now.getTime() - new Date(draft.updatedAt).getTime() < TYPING_WINDOW_MS,
        ...(draft ? { draft: draft.code } : {}),
        ...(submission
          ? { submission: isHost || !submission.report ? submission : { ...submission, report: redactHidden(submission.report) } }
          : {}),
      };
    }),
    comments: isHost ? round.comments : round.comments.filter((c) => c.participantId === viewer.participant.id),
  };
}

export function sessionView(session: Session, viewer: Viewer, context: ViewContext): SessionView {
  return {
    id: session.id,
    title: session.title,
    mode: session.mode,
    role: viewer.role,
    ...(viewer.role === "participant" ? { you: { id: viewer.participant.id, name: viewer.participant.name } } : {}),
    participants: session.participants.map(({ id, name }) => ({ id, name })),
    rounds: session.rounds.map((round) => roundView(round, session, viewer, context)),
    scoreboard: scoreboard(session),
    endedAt: session.endedAt,
    now: context.now.toISOString(),
  };
}
