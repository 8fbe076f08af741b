// The HTTP API in-process (fastify.inject), over a throwaway repository so writes never touch real labs.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoPaths } from "../../runner/src/repo-paths.js";
import { buildApp } from "../../runner/src/server/index.js";
import { Workbench } from "../../runner/src/workbench/index.js";
import { FIXTURE_LABS, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workbench: Workbench;
let app: FastifyInstance;
const solution = () => readFile(join(FIXTURE_LABS, "arithmetic/solution/exercise.ts"), "utf8");

beforeAll(async () => {
  repo = await makeTempRepo({ arithmetic: join(FIXTURE_LABS, "arithmetic"), probe: join(FIXTURE_LABS, "probe") });
  workbench = await Workbench.open(repoPaths(repo.root));
  app = await buildApp({ workbench, siteDist: join(repo.root, "no-site") });
});
afterAll(async () => {
  await app.close();
  await workbench.close();
  await repo.remove();
});

const json = (response: { body: string }) => JSON.parse(response.body);

describe("GET /api/labs", () => {
  it("lists labs with skill areas and progress", async () => {
    const response = await app.inject({ method: "GET", url: "/api/labs" });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body.skills.map((s: { id: string }) => s.id)).toEqual(["compute", "storage", "security", "monitor", "connect"]);
    expect(body.labs.find((l: { id: string }) => l.id === "arithmetic")).toMatchObject({
      skill: "compute",
      hintsTotal: 2,
      progress: { state: "not-started", bestScore: null, attempts: 0 },
    });
    expect(JSON.stringify(body)).not.toContain("Task 1: use +");
  });
});

describe("GET /api/labs/:id", () => {
  it("returns README, starter and the learner's file, never the solution unless revealed", async () => {
    const body = json(await app.inject({ method: "GET", url: "/api/labs/arithmetic" }));
    expect(body.readme).toContain("# Arithmetic");
    expect(body.starter).toContain("TODO");
    expect(body.file.source).toBe(body.starter);
    expect(body.solution).toBeUndefined();
    expect(body.lab.hints).toBeUndefined();
    expect(body.lab.dir).toBeUndefined();
    const revealed = json(await app.inject({ method: "GET", url: "/api/labs/arithmetic?reveal=1" }));
    expect(revealed.solution).toBe(await solution());
  });

  it("answers an unknown lab with 404 and the closest id", async () => {
    const response = await app.inject({ method: "GET", url: "/api/labs/arithmetik" });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toEqual({ error: 'No lab named "arithmetik"', hint: expect.stringContaining('Did you mean "arithmetic"?') });
  });
});

describe("POST /api/labs/:id/grade", () => {
  it("grades the posted source and records the attempt", async () => {
    const report = json(await app.inject({ method: "POST", url: "/api/labs/arithmetic/grade", payload: { source: await solution() } }));
    expect(report).toMatchObject({ version: 1, status: "pass", score: 1 });
    const list = json(await app.inject({ method: "GET", url: "/api/labs" }));
    expect(list.labs.find((l: { id: string }) => l.id === "arithmetic").progress).toEqual({ state: "passed", bestScore: 1, attempts: 1 });
  });

  it("rejects a body without source with 400 and a hint", async () => {
    const response = await app.inject({ method: "POST", url: "/api/labs/arithmetic/grade", payload: { code: "x" } });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ error: expect.stringContaining("source"), hint: expect.any(String) });
  });

  it("rejects code over 512 KiB", async () => {
    const response = await app.inject({ method: "POST", url: "/api/labs/arithmetic/grade", payload: { source: "x".repeat(600 * 1024) } });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toMatch(/512 KiB/);
  });
});

describe("drafts, hints, write and reset", () => {
  it("keeps a draft (also when posted as text/plain by sendBeacon)", async () => {
    const put = await app.inject({ method: "PUT", url: "/api/labs/probe/draft", payload: { source: "// draft 1", fileMtimeMs: 5 } });
    expect(json(put).savedAt).toEqual(expect.any(String));
    await app.inject({ method: "POST", url: "/api/labs/probe/draft", headers: { "content-type": "text/plain" }, payload: JSON.stringify({ source: "// draft 2" }) });
    const body = json(await app.inject({ method: "GET", url: "/api/labs/probe" }));
    expect(body.draft).toMatchObject({ source: "// draft 2", fileMtimeMs: null });
    expect(body.progress.state).toBe("in-progress");
  });

  it("reveals hints one at a time and stops at the last", async () => {
    const first = json(await app.inject({ method: "POST", url: "/api/labs/arithmetic/hints/next" }));
    expect(first).toEqual({ hint: "Task 1: use +", index: 1, total: 2, revealed: ["Task 1: use +"] });
    await app.inject({ method: "POST", url: "/api/labs/arithmetic/hints/next" });
    const done = json(await app.inject({ method: "POST", url: "/api/labs/arithmetic/hints/next" }));
    expect(done).toMatchObject({ hint: null, index: 2, total: 2 });
    expect(json(await app.inject({ method: "GET", url: "/api/labs/arithmetic" })).hintsRevealed).toHaveLength(2);
  });

  it("writes to exercise.ts with a backup, and refuses with 409 when the file changed on disk", async () => {
    const detail = json(await app.inject({ method: "GET", url: "/api/labs/probe" }));
    const written = json(await app.inject({ method: "POST", url: "/api/labs/probe/write", payload: { source: "// mine\n", expectedMtimeMs: detail.file.mtimeMs } }));
    expect(await readFile(join(repo.labsDir, "probe/exercise.ts"), "utf8")).toBe("// mine\n");
    expect(await readFile(written.backup, "utf8")).toBe(detail.starter);
    await writeFile(join(repo.labsDir, "probe/exercise.ts"), "// edited in VS Code\n");
    const conflict = await app.inject({ method: "POST", url: "/api/labs/probe/write", payload: { source: "// other\n", expectedMtimeMs: written.file.mtimeMs - 10_000 } });
    expect(conflict.statusCode).toBe(409);
    expect(json(conflict).file.source).toBe("// edited in VS Code\n");
    expect(await readFile(join(repo.labsDir, "probe/exercise.ts"), "utf8")).toBe("// edited in VS Code\n");
  });

  it("resets to the starter after backing up the learner's file, and lists the backup", async () => {
    await writeFile(join(repo.labsDir, "arithmetic/exercise.ts"), "// my work\n");
    const reset = json(await app.inject({ method: "POST", url: "/api/labs/arithmetic/reset", payload: {} }));
    expect(reset.starter).toContain("TODO");
    expect(await readFile(join(repo.labsDir, "arithmetic/exercise.ts"), "utf8")).toBe(reset.starter);
    const detail = json(await app.inject({ method: "GET", url: "/api/labs/arithmetic" }));
    const backup = json(await app.inject({ method: "GET", url: `/api/labs/arithmetic/backups/${detail.backups[0].name}` }));
    expect(backup.source).toBe("// my work\n");
  });
});

describe("/api/progress", () => {
  it("reads and replaces the store, validating it", async () => {
    const progress = json(await app.inject({ method: "GET", url: "/api/progress" }));
    expect(progress.version).toBe(1);
    const bad = await app.inject({ method: "PUT", url: "/api/progress", payload: { labs: { x: { attempts: "many" } } } });
    expect(bad.statusCode).toBe(400);
    const ok = await app.inject({ method: "PUT", url: "/api/progress", payload: { version: 1, labs: {} } });
    expect(ok.statusCode).toBe(200);
  });

  it("answers unknown API routes with JSON 404", async () => {
    const response = await app.inject({ method: "GET", url: "/api/nope" });
    expect(response.statusCode).toBe(404);
    expect(json(response).error).toMatch(/No API route/);
  });
});

describe("startServer", () => {
  it("says which port is in use and how to pick another", async () => {
    const { startServer } = await import("../../runner/src/server/index.js");
    const first = await startServer({ repoRoot: repo.root, port: 0, azlabDir: repo.azlabDir, siteDist: join(repo.root, "no-site") });
    const port = Number(new URL(first.url).port);
    try {
      await expect(startServer({ repoRoot: repo.root, port, azlabDir: repo.azlabDir })).rejects.toMatchObject({
        message: `Port ${port} on 127.0.0.1 is already in use`,
        hint: expect.stringContaining(`--port ${port + 1}`),
      });
    } finally {
      await first.close();
    }
  });

  it("refuses to listen beyond loopback without a team session", async () => {
    const { startServer } = await import("../../runner/src/server/index.js");
    await expect(startServer({ repoRoot: repo.root, port: 0, host: "0.0.0.0", azlabDir: repo.azlabDir })).rejects.toThrow(/would open your progress and files to the network/);
  });
});
