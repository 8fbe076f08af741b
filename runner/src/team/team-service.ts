// Team sessions: one active session per server, kept under .azlab/sessions/ (atomic writes) so it survives
// a restart. Every change emits "change" so connected browsers get a fresh view over WebSocket.
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { EventEmitter } from "node:events";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Question } from "../content/question-schema.js";
import { AzlabError } from "../errors.js";
import type { Report } from "../grader/report-schema.js";
import type { PracticeService } from "../practice/practice-service.js";
import { writeFileAtomic } from "../store/atomic-file.js";
import type { Workbench } from "../workbench/workbench.js";
import { exportSessionMarkdown } from "./export-markdown.js";
import { SessionSchema, type Participant, type Round, type Session, type Submission } from "./session-schema.js";
import { sessionView, type LabTask, type SessionView, type Viewer } from "./session-view.js";

export type Caller = Viewer | { role: "joiner" };

const newToken = () => randomBytes(24).toString("base64url");

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SubmitBody {
  answer?: string;
  choices?: string[];
  code?: string;
}

export class TeamService extends EventEmitter {
  private session: Session | undefined;
  private timers = new Map<string, NodeJS.Timeout>();
  private writing: Promise<void> = Promise.resolve();
  private readonly dir: string;

  constructor(
    azlabDir: string,
    private readonly workbench: Workbench,
    private readonly practice: PracticeService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
    this.dir = join(azlabDir, "sessions");
  }

  /** Resumes the newest session that was not ended (after a server restart). */
  async resume(): Promise<Session | undefined> {
    const files = (await readdir(this.dir).catch(() => [])).filter((name) => name.endsWith(".json"));
    const sessions: Session[] = [];
    for (const file of files) {
      const parsed = SessionSchema.safeParse(JSON.parse(await readFile(join(this.dir, file), "utf8").catch(() => "null")));
      if (parsed.success && !parsed.data.endedAt) sessions.push(parsed.data);
    }
    this.session = sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    for (const round of this.session?.rounds ?? []) if (round.status === "open") this.armTimer(round);
    return this.session;
  }

  get active(): Session | undefined {
    return this.session;
  }

  private require(): Session {
    if (!this.session) throw new AzlabError("No team session is running", "The host starts one from the site or with `azlab serve --team`.", 404);
    return this.session;
  }

  private async persist(session: Session): Promise<void> {
    const write = this.writing.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(join(this.dir, `${session.id}.json`), JSON.stringify(session, null, 2));
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  private async save(): Promise<void> {
    await this.persist(this.require());
    this.emit("change");
  }

  /** Who a token belongs to in the active session, or null. */
  identify(token: string | undefined): Caller | null {
    const session = this.session;
    if (!session || !token) return null;
    if (sameToken(token, session.hostToken)) return { role: "host" };
    const participant = session.participants.find((p) => sameToken(token, p.token));
    if (participant) return { role: "participant", participant };
    if (sameToken(token, session.joinToken)) return { role: "joiner" };
    return null;
  }

  async create(options: { title?: string; mode?: Session["mode"] }): Promise<Session> {
    if (this.session) throw new AzlabError("A team session is already running", "End it first (the host's End session button), or keep using it.", 409);
    this.session = SessionSchema.parse({
      version: 1,
      id: randomUUID(),
      title: options.title?.trim() || "Team interview practice",
      mode: options.mode ?? "group",
      createdAt: this.clock().toISOString(),
      joinToken: newToken(),
      hostToken: newToken(),
    });
    await this.save();
    return this.session;
  }

  async end(): Promise<void> {
    const session = this.require();
    session.endedAt = this.clock().toISOString();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.persist(session);
    // Cleared before the change is announced: connected browsers then hear that the session ended.
    this.session = undefined;
    this.emit("change");
  }

  async join(name: string): Promise<Participant> {
    const session = this.require();
    const clean = name.trim().replace(/\s+/g, " ").slice(0, 40);
    if (!clean) throw new AzlabError("A display name is needed", "Type the name others will see.");
    if (session.mode === "pair" && session.participants.length >= 1) {
      throw new AzlabError("This pair interview already has its candidate", "Ask the interviewer for a group session instead.", 409);
    }
    if (session.participants.some((p) => p.name.toLowerCase() === clean.toLowerCase())) {
      throw new AzlabError(`Someone is already called "${clean}"`, "Pick another display name.", 409);
    }
    const participant: Participant = { id: randomUUID(), name: clean, token: newToken(), joinedAt: this.clock().toISOString() };
    session.participants.push(participant);
    await this.save();
    return participant;
  }

  private round(id: string): Round {
    const round = this.require().rounds.find((r) => r.id === id);
    if (!round) throw new AzlabError(`No round "${id}"`, "The session view lists its rounds.", 404);
    return round;
  }

  private currentRound(): Round {
    const round = this.require().rounds.at(-1);
    if (!round || round.status !== "open") throw new AzlabError("No round is open", "Wait for the host to start the next round.", 409);
    return round;
  }

  async startRound(options: { questionId?: string; labId?: string; durationSec: number }): Promise<Round> {
    const session = this.require();
    if ((options.questionId ? 1 : 0) + (options.labId ? 1 : 0) !== 1) {
      throw new AzlabError("A round needs either a question or a lab", "Send questionId (from the question bank) or labId (a lab's coding task).");
    }
    if (options.questionId) {
      const question = await this.practice.question(options.questionId);
      if (question.type === "code" && !("options" in question && question.options) && !("keyPoints" in question)) throw new AzlabError("This question cannot be answered in a round", "Pick another.");
    }
    if (options.labId) this.workbench.lab(options.labId);
    const last = session.rounds.at(-1);
    if (last?.status === "open") last.status = "closed";
    const now = this.clock();
    const round: Round = {
      id: randomUUID(),
      number: session.rounds.length + 1,
      kind: options.labId ? "lab" : "question",
      ...(options.questionId ? { questionId: options.questionId } : {}),
      ...(options.labId ? { labId: options.labId } : {}),
      startedAt: now.toISOString(),
      durationSec: options.durationSec,
      endsAt: new Date(now.getTime() + options.durationSec * 1000).toISOString(),
      status: "open",
      drafts: {},
      submissions: {},
      comments: [],
    };
    session.rounds.push(round);
    this.armTimer(round);
    await this.save();
    return round;
  }

  private armTimer(round: Round): void {
    const ms = Math.max(0, new Date(round.endsAt).getTime() - this.clock().getTime());
    clearTimeout(this.timers.get(round.id));
    this.timers.set(
      round.id,
      setTimeout(() => {
        this.timers.delete(round.id);
        if (round.status === "open") {
          round.status = "closed";
          void this.save();
        }
      }, ms).unref(),
    );
  }

  async closeRound(roundId: string): Promise<void> {
    const round = this.round(roundId);
    if (round.status === "open") round.status = "closed";
    clearTimeout(this.timers.get(roundId));
    await this.save();
  }

  async reveal(roundId: string): Promise<void> {
    const round = this.round(roundId);
    round.status = "revealed";
    clearTimeout(this.timers.get(roundId));
    await this.save();
  }

  async saveDraft(participant: Participant, code: string): Promise<void> {
    const round = this.currentRound();
    round.drafts[participant.id] = { code: code.slice(0, 512 * 1024), updatedAt: this.clock().toISOString() };
    await this.save();
  }

  async submit(participant: Participant, body: SubmitBody): Promise<Submission> {
    const round = this.currentRound();
    const now = this.clock().toISOString();
    if (round.kind === "lab") {
      if (typeof body.code !== "string") throw new AzlabError("A coding round takes code", "Send { code }.");
      const submission: Submission = { submittedAt: now, code: body.code, grading: "queued", points: 0, report: null };
      round.submissions[participant.id] = submission;
      round.drafts[participant.id] = { code: body.code, updatedAt: now };
      await this.save();
      void this.gradeSubmission(round, participant, submission);
      return submission;
    }
    const question = await this.practice.question(round.questionId!);
    const options = "options" in question && question.options ? question.options : undefined;
    let points = 0;
    if (options) {
      const correct = options.filter((o) => o.correct).map((o) => o.id).sort().join(",");
      points = [...new Set(body.choices ?? [])].sort().join(",") === correct ? 3 : 0;
    }
    const submission: Submission = {
      submittedAt: now,
      ...(body.answer !== undefined ? { answer: body.answer.slice(0, 20_000) } : {}),
      ...(body.choices ? { choices: body.choices } : {}),
      points,
    };
    round.submissions[participant.id] = submission;
    await this.save();
    return submission;
  }

  private async gradeSubmission(round: Round, participant: Participant, submission: Submission): Promise<void> {
    const lab = this.workbench.lab(round.labId!);
    let report: Report;
    try {
      report = await this.workbench.queue.submit({ lab, source: submission.code!, emulators: this.workbench.emulators, includeHidden: true }, (position) => {
        submission.grading = position === 0 ? "running" : "queued";
        submission.queuePosition = position;
        void this.save();
      });
    } catch (error) {
      submission.grading = "failed";
      submission.report = null;
      await this.save();
      this.emit("error", error);
      return;
    }
    submission.grading = "done";
    submission.queuePosition = 0;
    submission.report = report;
    submission.points = Math.round(report.score * 100) / 10;
    await this.save();
  }

  /** The host scores a free answer: 0-3 for each key point. */
  async scoreAnswer(roundId: string, participantId: string, keyPointScores: number[]): Promise<void> {
    const round = this.round(roundId);
    const submission = round.submissions[participantId];
    if (!submission) throw new AzlabError("That participant has not answered this round", "Score answers that were submitted.", 404);
    const question = round.questionId ? await this.practice.question(round.questionId) : undefined;
    const keyPoints = question && "keyPoints" in question && question.keyPoints ? question.keyPoints.length : 0;
    if (keyPointScores.length !== keyPoints) throw new AzlabError(`Give one score per key point (${keyPoints})`, "Each key point scores 0 to 3.");
    submission.keyPointScores = keyPointScores;
    submission.points = keyPointScores.reduce((a, b) => a + b, 0);
    await this.save();
  }

  /** A line comment from the host on a participant's code (pair interview mode). */
  async comment(participantId: string, line: number, text: string): Promise<void> {
    const round = this.require().rounds.at(-1);
    if (!round) throw new AzlabError("No round yet", "Start a round first.", 409);
    if (!this.require().participants.some((p) => p.id === participantId)) throw new AzlabError("No such participant", "Comment on someone in the room.", 404);
    round.comments.push({ id: randomUUID(), participantId, line, text: text.slice(0, 2000), at: this.clock().toISOString() });
    await this.save();
  }

  private async context() {
    const bank = await this.practice.questions();
    const labs = new Map<string, LabTask>();
    for (const round of this.session?.rounds ?? []) {
      if (!round.labId || labs.has(round.labId)) continue;
      const lab = this.workbench.lab(round.labId);
      labs.set(lab.id, { id: lab.id, title: lab.title, readme: await readFile(join(lab.dir, "README.md"), "utf8"), starter: await this.workbench.starter(lab) });
    }
    return { questions: new Map(bank.map((q): [string, Question] => [q.id, q])), labs, now: this.clock() };
  }

  async view(viewer: Viewer): Promise<SessionView> {
    return sessionView(this.require(), viewer, await this.context());
  }

  async exportMarkdown(): Promise<string> {
    const { questions } = await this.context();
    return exportSessionMarkdown(this.require(), questions, new Map(this.workbench.catalog.labs.map((lab) => [lab.id, lab.title])));
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
