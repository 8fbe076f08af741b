// The site's team-session client against the real server (a temporary repository with the arithmetic fixture
// lab, the real question bank): each function must reach its route with the tab's token and hand back what
// the server answered; a missing or wrong token must surface as the server's 401/403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../runner/src/server/index.js";
import type * as Runner from "../../runner/src/team/session-view.js";
import { ApiError, setApiBase } from "../../site/src/api/http.js";
import * as api from "../../site/src/api/client.js";
import type * as Site from "../../site/src/api/types.js";
import { FIXTURE_LABS, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

// The site restates the runner's session views (they are built in Node-only modules); these compile-time
// checks (npx tsc) fail as soon as the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: [Same<Site.SessionView, Runner.SessionView>, Same<Site.RoundView, Runner.RoundView>, Same<Site.TeamLabTask, Runner.LabTask>] = [true, true, true];

let repo: TempRepo;
let server: RunningServer;
let azlabDir: string;

beforeAll(async () => {
  repo = await makeTempRepo({ arithmetic: join(FIXTURE_LABS, "arithmetic") });
  await symlink(join(import.meta.dirname, "../../content"), join(repo.root, "content"));
  azlabDir = await mkdtemp(join(tmpdir(), "azlab-team-client-"));
  server = await startServer({ repoRoot: repo.root, azlabDir, port: 0, siteDist: join(azlabDir, "no-site") });
  setApiBase(server.url);
});

afterAll(async () => {
  await server?.close();
  if (azlabDir) await rm(azlabDir, { recursive: true, force: true });
  await repo?.remove();
});

const refusal = async (promise: Promise<unknown>): Promise<number> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).status;
};

describe("site team client", () => {
  let hostToken: string;
  let joinToken: string;
  let adaToken: string;
  let adaId: string;
  let roundId: string;

  it("uses the same shapes as the runner's session views", () => {
    expect(shapesAgree.every(Boolean)).toBe(true);
  });

  it("getTeamInfo says no session runs, before one is started", async () => {
    expect(await api.getTeamInfo()).toEqual({ active: false });
  });

  it("createTeamSession POSTs the title and mode and returns the host token and join path", async () => {
    const created = await api.createTeamSession({ title: "Client drill", mode: "group" });
    hostToken = created.hostToken;
    joinToken = new URL(created.joinPath, "http://x").searchParams.get("t")!;
    expect(created.joinPath).toMatch(/^\/team\/join\?t=/);
    expect(created.view).toMatchObject({ title: "Client drill", mode: "group", role: "host", rounds: [] });
    expect(await refusal(api.createTeamSession({ title: "Second" }))).toBe(401); // a session runs: tokens needed
  });

  it("getTeamInfo sends the token: the host is told so, no token is a 401", async () => {
    expect(await api.getTeamInfo(hostToken)).toMatchObject({ active: true, title: "Client drill", role: "host", participants: 0 });
    expect(await api.getTeamInfo(joinToken)).toMatchObject({ role: "joiner" });
    expect(await refusal(api.getTeamInfo())).toBe(401);
  });

  it("joinTeamSession POSTs the name with the join token; a taken name is a 409", async () => {
    const joined = await api.joinTeamSession(joinToken, "Ada");
    adaToken = joined.token;
    adaId = joined.participantId;
    expect(joined.view.you).toEqual({ id: adaId, name: "Ada" });
    expect(await refusal(api.joinTeamSession(joinToken, "ada"))).toBe(409);
  });

  it("getTeamState returns each caller's view; the host's has the join links", async () => {
    const host = await api.getTeamState(hostToken);
    expect(host.joinPath).toBe(`/team/join?t=${joinToken}`);
    expect(host.participants.map((p) => p.name)).toEqual(["Ada"]);
    const ada = await api.getTeamState(adaToken);
    expect(ada.role).toBe("participant");
    expect(ada.joinPath).toBeUndefined();
  });

  it("listTeamLabs and listTeamQuestions read the catalogue and the bank with the host's token only", async () => {
    expect((await api.listTeamLabs(hostToken)).labs.map((lab) => lab.id)).toEqual(["arithmetic"]);
    const { questions } = await api.listTeamQuestions("patterns", hostToken);
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((q) => q.area === "patterns")).toBe(true);
    expect(await refusal(api.listTeamLabs(adaToken))).toBe(403);
    expect(await refusal(api.listTeamQuestions(undefined, adaToken))).toBe(403);
  });

  it("startTeamRound POSTs a lab task; a participant may not", async () => {
    const round = await api.startTeamRound({ labId: "arithmetic", durationSec: 120 }, hostToken);
    roundId = round.id;
    expect(round).toMatchObject({ kind: "lab", labId: "arithmetic", status: "open", number: 1 });
    expect(await refusal(api.startTeamRound({ labId: "arithmetic", durationSec: 60 }, adaToken))).toBe(403);
  });

  it("saveTeamDraft PUTs the code, and the host sees it", async () => {
    expect(await api.saveTeamDraft("export const draft = 1;", adaToken)).toEqual({ ok: true });
    const host = await api.getTeamState(hostToken);
    expect(host.rounds[0]!.participants[0]).toMatchObject({ name: "Ada", draft: "export const draft = 1;", typing: true });
  });

  it("teamSocketUrl opens the WebSocket with the token, which pushes the caller's view", async () => {
    const url = api.teamSocketUrl("http://ignored.example", adaToken);
    expect(url).toBe(`${server.url.replace("http", "ws")}/api/team/ws?t=${encodeURIComponent(adaToken)}`);
    const socket = new WebSocket(url);
    const first = await new Promise<Site.TeamSocketMessage>((resolve, reject) => {
      socket.once("message", (data) => resolve(JSON.parse(String(data)) as Site.TeamSocketMessage));
      socket.once("error", reject);
    });
    socket.close();
    expect(first.type).toBe("state");
    expect(first.state.you?.name).toBe("Ada");
  });

  it("addTeamComment POSTs a line comment that the participant then sees", async () => {
    expect(await api.addTeamComment({ participantId: adaId, line: 2, text: "Why a loop here?" }, hostToken)).toEqual({ ok: true });
    const ada = await api.getTeamState(adaToken);
    expect(ada.rounds[0]!.comments).toMatchObject([{ participantId: adaId, line: 2, text: "Why a loop here?" }]);
    expect(await refusal(api.addTeamComment({ participantId: adaId, line: 1, text: "self" }, adaToken))).toBe(403);
  });

  it("closeTeamRound POSTs close; drafts are refused afterwards", async () => {
    expect(await api.closeTeamRound(roundId, hostToken)).toEqual({ ok: true });
    expect((await api.getTeamState(hostToken)).rounds[0]!.status).toBe("closed");
    expect(await refusal(api.saveTeamDraft("late", adaToken))).toBe(409);
  });

  it("submitTeamAnswer POSTs the choices of a question round and gets the points back", async () => {
    const { questions } = await api.listTeamQuestions("storage", hostToken);
    const single = questions.find((q) => q.type === "single")!;
    if (!("options" in single) || !single.options) throw new Error("a single-choice question has options");
    const right = single.options.find((o) => o.correct)!.id;
    roundId = (await api.startTeamRound({ questionId: single.id, durationSec: 60 }, hostToken)).id;
    const submission = await api.submitTeamAnswer({ choices: [right] }, adaToken);
    expect(submission).toMatchObject({ choices: [right], points: 3 });
  });

  it("revealTeamRound POSTs reveal: the participant now sees the answer", async () => {
    expect((await api.getTeamState(adaToken)).rounds[1]!.answer).toBeUndefined();
    expect(await api.revealTeamRound(roundId, hostToken)).toEqual({ ok: true });
    const ada = await api.getTeamState(adaToken);
    expect(ada.rounds[1]!.status).toBe("revealed");
    expect(ada.rounds[1]!.answer?.correctOptions?.length).toBe(1);
  });

  it("scoreTeamAnswer POSTs one score per key point of a free answer", async () => {
    const { questions } = await api.listTeamQuestions("patterns", hostToken);
    const free = questions.find((q) => q.type === "free")!;
    if (!("keyPoints" in free) || !free.keyPoints) throw new Error("a free question has key points");
    roundId = (await api.startTeamRound({ questionId: free.id, durationSec: 60 }, hostToken)).id;
    await api.submitTeamAnswer({ answer: "Queue-based load levelling." }, adaToken);
    const scores = free.keyPoints.map((_, i) => (i === 0 ? 2 : 0));
    expect(await api.scoreTeamAnswer(roundId, adaId, scores, hostToken)).toEqual({ ok: true });
    const host = await api.getTeamState(hostToken);
    expect(host.rounds[2]!.participants[0]!.submission).toMatchObject({ keyPointScores: scores, points: 2 });
    expect(host.scoreboard[0]).toMatchObject({ name: "Ada", points: 5, rounds: 2 });
  });

  it("teamExportUrl is the Markdown download's address with the host's token", async () => {
    const url = api.teamExportUrl(hostToken);
    expect(url).toBe(`${server.url}/api/team/export?t=${encodeURIComponent(hostToken)}`);
    const response = await fetch(url);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="azlab-session-/);
    const markdown = await response.text();
    expect(markdown).toContain("# Client drill");
    expect(markdown).toContain("Queue-based load levelling.");
    expect((await fetch(api.teamExportUrl(adaToken))).status).toBe(403);
  });

  it("endTeamSession POSTs end: every token stops working", async () => {
    expect(await refusal(api.endTeamSession(adaToken))).toBe(403);
    expect(await api.endTeamSession(hostToken)).toEqual({ ok: true });
    expect(await api.getTeamInfo()).toEqual({ active: false });
    expect(await refusal(api.getTeamState(adaToken))).toBe(403);
  });
});
