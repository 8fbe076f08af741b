// Team sessions over the real HTTP server and WebSocket: tokens, roles, rounds, grading in the sandbox,
// live pushes, persistence across a restart, export.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../runner/src/server/index.js";
import { apiCall } from "../helpers/api-call.js";
import { FIXTURE_LABS, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";
import { readFile } from "node:fs/promises";

let repo: TempRepo;
let server: RunningServer;
let azlabDir: string;

beforeAll(async () => {
  repo = await makeTempRepo({ arithmetic: join(FIXTURE_LABS, "arithmetic") });
  azlabDir = await mkdtemp(join(tmpdir(), "azlab-team-"));
  // Content (the question bank) comes from the real repository through a link.
  const { symlink } = await import("node:fs/promises");
  await symlink(join(import.meta.dirname, "../../content"), join(repo.root, "content"));
  server = await startServer({ repoRoot: repo.root, azlabDir, port: 0, siteDist: join(azlabDir, "no-site") });
});
afterAll(async () => {
  await server?.close();
  await rm(azlabDir, { recursive: true, force: true });
  await repo.remove();
});

const call = (method: string, path: string, token?: string, body?: unknown) => apiCall(server.url, method, path, token, body);

function nextState(socket: WebSocket, until: (state: any) => boolean): Promise<any> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.type === "state" && until(message.state)) {
        socket.off("message", onMessage);
        resolve(message.state);
      }
    };
    socket.on("message", onMessage);
  });
}

const solution = () => readFile(join(FIXTURE_LABS, "arithmetic/solution/exercise.ts"), "utf8");

describe("team session", () => {
  let hostToken: string;
  let joinToken: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  it("is started by the host on this machine and gives a join link", async () => {
    const created = await call("POST", "/api/team/sessions", undefined, { title: "Friday drill" });
    expect(created.status).toBe(200);
    hostToken = created.body.hostToken;
    joinToken = new URL(created.body.joinPath, "http://x").searchParams.get("t")!;
    expect(created.body.view.title).toBe("Friday drill");
  });

  it("then refuses requests without a token (401), and participant tokens on host actions (403)", async () => {
    expect((await call("GET", "/api/labs")).status).toBe(401);
    expect((await call("GET", "/api/team/state")).status).toBe(401);
    expect((await call("GET", "/api/labs", joinToken)).status).toBe(403);
    for (const name of ["Ada", "Grace"]) {
      const joined = await call("POST", "/api/team/join", joinToken, { name });
      expect(joined.status).toBe(200);
      tokens[name] = joined.body.token;
      ids[name] = joined.body.participantId;
    }
    expect((await call("POST", "/api/team/join", joinToken, { name: "ada" })).status).toBe(409);
    expect((await call("POST", "/api/team/rounds", tokens.Ada, { labId: "arithmetic", durationSec: 60 })).status).toBe(403);
    expect((await call("GET", "/api/labs/arithmetic?reveal=1", tokens.Ada)).status).toBe(403);
    expect((await call("GET", "/api/team/export", tokens.Ada)).status).toBe(403);
    expect((await call("GET", "/api/labs", hostToken)).status).toBe(200);
  });

  it("runs a coding round: both submit, results reach the host live, participants see only their own", async () => {
    const hostSocket = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${hostToken}`);
    const round = await call("POST", "/api/team/rounds", hostToken, { labId: "arithmetic", durationSec: 300 });
    expect(round.status).toBe(200);
    const graded = nextState(hostSocket, (state) => {
      const last = state.rounds.at(-1);
      return last?.participants.every((p: any) => p.submission?.grading === "done");
    });
    const starter = (await call("GET", "/api/team/state", tokens.Grace)).body.rounds[0].lab.starter;
    await call("POST", "/api/team/submit", tokens.Ada, { code: await solution() });
    await call("POST", "/api/team/submit", tokens.Grace, { code: starter });
    const state = await graded;
    const byName = Object.fromEntries(state.rounds[0].participants.map((p: any) => [p.name, p.submission]));
    expect(byName.Ada.report.status).toBe("pass");
    expect(byName.Grace.report.status).toBe("fail");
    expect(state.scoreboard[0]).toMatchObject({ name: "Ada", points: 10 });
    hostSocket.close();

    const graceView = (await call("GET", "/api/team/state", tokens.Grace)).body;
    expect(graceView.rounds[0].participants.map((p: any) => p.name)).toEqual(["Grace"]);
    expect(JSON.stringify(graceView)).not.toContain("return a * b");
    const hidden = graceView.rounds[0].participants[0].submission.report.tests.find((t: any) => t.hidden);
    expect(hidden.message).toBe("A hidden test failed.");
  });

  it("scores a free answer per key point and exports the session as Markdown", async () => {
    const practice = await call("GET", "/api/questions?area=patterns", hostToken);
    const free = practice.body.questions.find((q: any) => q.type === "free");
    const round = (await call("POST", "/api/team/rounds", hostToken, { questionId: free.id, durationSec: 120 })).body;
    await call("POST", "/api/team/submit", tokens.Ada, { answer: "Retry with jitter, idempotency keys." });
    const scores = free.keyPoints.map((_: string, i: number) => (i === 0 ? 3 : 1));
    expect((await call("POST", `/api/team/rounds/${round.id}/scores`, hostToken, { participantId: ids.Ada, keyPointScores: scores })).status).toBe(200);
    await call("POST", `/api/team/rounds/${round.id}/reveal`, hostToken);
    const adaView = (await call("GET", "/api/team/state", tokens.Ada)).body;
    expect(adaView.rounds[1].answer.keyPoints).toEqual(free.keyPoints);
    const exported = await call("GET", "/api/team/export", hostToken);
    expect(exported.status).toBe(200);
    expect(exported.body).toContain("# Friday drill");
    expect(exported.body).toContain("### Ada");
    expect(exported.body).toContain("Retry with jitter, idempotency keys.");
    expect(exported.body).toMatch(/\| Ada \| \d+/);
  });

  it("grades ten participants submitting at once, none lost, with queue positions shown", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `Dev ${i + 1}`);
    const joined = await Promise.all(names.map((name) => call("POST", "/api/team/join", joinToken, { name })));
    const hostSocket = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${hostToken}`);
    const positions = new Set<number>();
    hostSocket.on("message", (data) => {
      const state = JSON.parse(String(data)).state;
      for (const p of state?.rounds.at(-1)?.participants ?? []) if (p.submission?.grading === "queued" && p.submission.queuePosition !== undefined) positions.add(p.submission.queuePosition);
    });
    await call("POST", "/api/team/rounds", hostToken, { labId: "arithmetic", durationSec: 600 });
    const code = await solution();
    const done = nextState(hostSocket, (state) => names.every((name) => state.rounds.at(-1).participants.find((p: any) => p.name === name)?.submission?.grading === "done"));
    await Promise.all(joined.map((j) => call("POST", "/api/team/submit", j.body.token, { code })));
    const state = await done;
    hostSocket.close();
    const reports = state.rounds.at(-1).participants.filter((p: any) => names.includes(p.name)).map((p: any) => p.submission.report.status);
    expect(reports).toEqual(Array(10).fill("pass"));
    expect(Math.max(...positions)).toBeGreaterThan(1);
  });

  it("survives a server restart: tokens, answers and code are kept", async () => {
    await server.close();
    server = await startServer({ repoRoot: repo.root, azlabDir, port: 0, siteDist: join(azlabDir, "no-site") });
    const adaView = await call("GET", "/api/team/state", tokens.Ada);
    expect(adaView.status).toBe(200);
    expect(adaView.body.rounds[0].participants[0].submission.code).toBe(await solution());
    expect((await call("GET", "/api/team/state")).status).toBe(401);
  });

  it("closes every socket when the session ends, so an open tab never sees the next session", async () => {
    const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    const hostSocket = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${hostToken}`);
    const adaSocket = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${tokens.Ada}`);
    await Promise.all([nextState(hostSocket, () => true), nextState(adaSocket, () => true)]);
    const hostClosed = closed(hostSocket);
    const adaClosed = closed(adaSocket);
    expect((await call("POST", "/api/team/end", hostToken)).status).toBe(200);
    expect(await hostClosed).toBe(4000);
    expect(await adaClosed).toBe(4000);
    // With no session running, the server is the learner's own again and the old tokens open nothing new.
    expect((await call("GET", "/api/team/info")).body).toEqual({ active: false });
    await call("POST", "/api/team/sessions", undefined, { title: "Next one" });
    const stale = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${tokens.Ada}`);
    const refused = await new Promise<string>((resolve) => {
      stale.once("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
      stale.once("open", () => resolve("open"));
    });
    expect(refused).toBe("401");
  });
});
