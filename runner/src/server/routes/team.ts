// /api/team: team interview sessions (create, join, rounds, drafts, submissions, scores, export).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AzlabError } from "../../errors.js";
import type { Participant } from "../../team/session-schema.js";
import type { TeamService } from "../../team/team-service.js";
import { isLoopback, TOKEN_COOKIE } from "../team-auth.js";

const CreateBody = z.object({ title: z.string().max(120).optional(), mode: z.enum(["group", "pair"]).optional() });
const JoinBody = z.object({ name: z.string().min(1).max(60) });
const RoundBody = z.object({ questionId: z.string().optional(), labId: z.string().optional(), durationSec: z.number().int().min(10).max(4 * 3600) });
const IdParams = z.object({ id: z.string().min(1).max(100) });
const ScoreBody = z.object({ participantId: z.string(), keyPointScores: z.array(z.number().int().min(0).max(3)).max(10) });
const DraftBody = z.object({ code: z.string().max(512 * 1024) });
const SubmitBody = z.object({ answer: z.string().max(20_000).optional(), choices: z.array(z.string().max(4)).max(8).optional(), code: z.string().max(512 * 1024).optional() });
const CommentBody = z.object({ participantId: z.string(), line: z.number().int().min(1), text: z.string().min(1).max(2000) });

export interface TeamRoutesOptions {
  team: TeamService;
  /** Addresses others can open, e.g. http://192.168.1.20:4280, when the server listens beyond loopback. */
  publicUrls: () => string[];
}

export default async function teamRoutes(app: FastifyInstance, options: TeamRoutesOptions): Promise<void> {
  const { team } = options;

  const host = (request: FastifyRequest) => {
    if (request.teamCaller?.role !== "host") throw new AzlabError("Only the host can do this", "Ask the host.", 403);
  };
  const participant = (request: FastifyRequest): Participant => {
    const caller = request.teamCaller;
    if (caller?.role !== "participant") throw new AzlabError("Join the session first", "Open the join link and choose a name.", 403);
    return caller.participant;
  };
  const joinLinks = (joinToken: string) => {
    const path = `/team/join?t=${encodeURIComponent(joinToken)}`;
    return { joinPath: path, joinUrls: options.publicUrls().map((base) => `${base}${path}`) };
  };

  app.get("/api/team/info", async (request) => {
    const session = team.active;
    return session
      ? { active: true, title: session.title, mode: session.mode, role: request.teamCaller?.role ?? null, participants: session.participants.length }
      : { active: false };
  });

  app.post("/api/team/sessions", async (request, reply) => {
    // Without a session the server is the learner's own: only this machine may start one.
    if (!isLoopback(request.ip)) throw new AzlabError("A team session can only be started on the host's machine", "Start it from the site on the machine that runs azlab.", 403);
    const session = await team.create(CreateBody.parse(request.body ?? {}));
    void reply.header("set-cookie", `${TOKEN_COOKIE}=${encodeURIComponent(session.hostToken)}; Path=/; HttpOnly; SameSite=Strict`);
    return { hostToken: session.hostToken, ...joinLinks(session.joinToken), view: await team.view({ role: "host" }) };
  });

  app.post("/api/team/join", async (request, reply) => {
    if (request.teamCaller?.role !== "joiner") throw new AzlabError("Use the join link to join", "The host shares it.", 403);
    const joined = await team.join(JoinBody.parse(request.body).name);
    void reply.header("set-cookie", `${TOKEN_COOKIE}=${encodeURIComponent(joined.token)}; Path=/; HttpOnly; SameSite=Strict`);
    return { token: joined.token, participantId: joined.id, view: await team.view({ role: "participant", participant: joined }) };
  });

  app.get("/api/team/state", async (request) => {
    const caller = request.teamCaller;
    if (caller?.role === "host" || caller?.role === "participant") {
      const view = await team.view(caller);
      return caller.role === "host" ? { ...view, ...joinLinks(team.active!.joinToken) } : view;
    }
    throw new AzlabError("Join the session first", "Open the join link and choose a name.", 403);
  });

  app.post("/api/team/rounds", async (request) => {
    host(request);
    return team.startRound(RoundBody.parse(request.body));
  });

  app.post("/api/team/rounds/:id/close", async (request) => {
    host(request);
    await team.closeRound(IdParams.parse(request.params).id);
    return { ok: true };
  });

  app.post("/api/team/rounds/:id/reveal", async (request) => {
    host(request);
    await team.reveal(IdParams.parse(request.params).id);
    return { ok: true };
  });

  app.post("/api/team/rounds/:id/scores", async (request) => {
    host(request);
    const body = ScoreBody.parse(request.body);
    await team.scoreAnswer(IdParams.parse(request.params).id, body.participantId, body.keyPointScores);
    return { ok: true };
  });

  app.put("/api/team/draft", async (request) => {
    await team.saveDraft(participant(request), DraftBody.parse(request.body).code);
    return { ok: true };
  });

  app.post("/api/team/submit", async (request) => team.submit(participant(request), SubmitBody.parse(request.body)));

  app.post("/api/team/comments", async (request) => {
    host(request);
    const body = CommentBody.parse(request.body);
    await team.comment(body.participantId, body.line, body.text);
    return { ok: true };
  });

  app.get("/api/team/export", async (request, reply) => {
    host(request);
    const markdown = await team.exportMarkdown();
    return reply
      .type("text/markdown; charset=utf-8")
      .header("content-disposition", `attachment; filename="azlab-session-${team.active!.id.slice(0, 8)}.md"`)
      .send(markdown);
  });

  app.post("/api/team/end", async (request) => {
    host(request);
    await team.end();
    return { ok: true };
  });
}
