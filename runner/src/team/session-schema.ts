// A team session on disk (.azlab/sessions/<id>.json): participants, rounds, drafts, submissions, scores.
import { z } from "zod";
import { ReportSchema } from "../grader/report-schema.js";

export const ParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The participant's own token: proves who sends a draft or a submission. */
  token: z.string(),
  joinedAt: z.string(),
});

export const SubmissionSchema = z.object({
  submittedAt: z.string(),
  /** Free answer text, or the chosen option ids, or code. */
  answer: z.string().optional(),
  choices: z.array(z.string()).optional(),
  code: z.string().optional(),
  grading: z.enum(["queued", "running", "done", "failed"]).optional(),
  queuePosition: z.number().int().optional(),
  report: ReportSchema.nullable().optional(),
  /** Host's score per key point of a free answer, 0-3 each. */
  keyPointScores: z.array(z.number().int().min(0).max(3)).optional(),
  points: z.number().default(0),
});

export const CommentSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  line: z.number().int().min(1),
  text: z.string(),
  at: z.string(),
});

export const RoundSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(["question", "lab"]),
  questionId: z.string().optional(),
  labId: z.string().optional(),
  startedAt: z.string(),
  durationSec: z.number().int().positive(),
  endsAt: z.string(),
  status: z.enum(["open", "closed", "revealed"]),
  drafts: z.record(z.string(), z.object({ code: z.string(), updatedAt: z.string() })).default({}),
  submissions: z.record(z.string(), SubmissionSchema).default({}),
  comments: z.array(CommentSchema).default([]),
});

export const SessionSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  title: z.string(),
  /** group: a host and any number of participants; pair: an interviewer watching one candidate's editor. */
  mode: z.enum(["group", "pair"]),
  createdAt: z.string(),
  endedAt: z.string().nullable().default(null),
  /** In the join link: lets a person join (choose a name); nothing else. */
  joinToken: z.string(),
  hostToken: z.string(),
  participants: z.array(ParticipantSchema).default([]),
  rounds: z.array(RoundSchema).default([]),
});

export type Participant = z.infer<typeof ParticipantSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;
export type Round = z.infer<typeof RoundSchema>;
export type Session = z.infer<typeof SessionSchema>;
