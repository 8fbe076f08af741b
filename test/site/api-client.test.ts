// The site's API client against a real HTTP server on a free port: each function must send the method, path
// and body of the contract and hand back what the server answered. The cheat sheet and types endpoints are the
// runner's real routes; the others answer from a small fastify app that records what it received.
import { describe, expect, it, beforeAll, afterAll, beforeEach } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import contentRoutes from "../../runner/src/server/routes/content.js";
import typesRoutes from "../../runner/src/server/routes/types.js";
import { setApiBase, ApiError, UnreachableError, describeError } from "../../site/src/api/http.js";
import * as api from "../../site/src/api/client.js";
import type * as Site from "../../site/src/api/types.js";
import type * as Runner from "../../runner/src/server/api-types.js";

type Report = Site.Report;

// The site keeps its own copy of the API's shapes (the runner's types pull in Node-only modules); these
// compile-time checks (npm run typecheck) fail as soon as the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: [
  Same<Site.LabList, Runner.LabListResponse>,
  Same<Site.LabDetail, Runner.LabDetailResponse>,
  Same<Site.HintReveal, Runner.HintResponse>,
  Same<Site.WriteResult, Runner.WriteResponse>,
  Same<Site.ResetResult, Runner.ResetResponse>,
] = [true, true, true, true, true];

interface Received {
  method: string;
  url: string;
  body: unknown;
  contentType: string | undefined;
}

let app: FastifyInstance;
let repoRoot: string;
let received: Received[] = [];
let beaconArrived: Promise<Received>;
let onBeacon: (r: Received) => void = () => undefined;

const report: Report = {
  version: 1,
  lab: "blob-storage",
  status: "fail",
  score: 0.5,
  tests: [{ name: "1. Create > creates it", taskId: 1, status: "pass", durationMs: 3, hidden: false }],
  diagnostics: [],
  output: "",
  durationMs: 900,
  startedAt: "2025-01-01T00:00:00.000Z",
};

beforeAll(async () => {
  repoRoot = await mkdtemp(path.join(tmpdir(), "azlab-api-client-"));
  await mkdir(path.join(repoRoot, "content"));
  await writeFile(path.join(repoRoot, "content", "cheat-sheet.md"), "# Cheat sheet\n\nUse `uploadData`.\n");

  app = Fastify();
  // The beacon sends JSON as text/plain (a "simple" request); the server must accept it.
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook("preHandler", async (req) => {
    const entry = { method: req.method, url: req.url, body: req.body, contentType: req.headers["content-type"] };
    received.push(entry);
    if (req.method === "POST" && req.url.endsWith("/draft")) onBeacon(entry);
  });
  await app.register(contentRoutes, { repoRoot });
  await app.register(typesRoutes);
  app.get("/api/labs", async () => ({ skills: [{ id: "storage", title: "Develop for Azure storage", weight: "15-20%" }], labs: [] }));
  app.get<{ Params: { id: string }; Querystring: { reveal?: string } }>("/api/labs/:id", async (req, reply) => {
    if (req.params.id !== "blob-storage") return reply.code(404).send({ error: `No lab named "${req.params.id}"`, hint: 'Did you mean "blob-storage"?' });
    return { lab: { id: "blob-storage" }, readme: "# Blob", starter: "// start", file: null, draft: null, hintsRevealed: [], backups: [], lastReport: null, ...(req.query.reveal === "1" ? { solution: "// solved" } : {}) };
  });
  app.post("/api/labs/:id/grade", async () => report);
  app.put("/api/labs/:id/draft", async () => ({ savedAt: "2025-01-01T00:00:01.000Z" }));
  app.post("/api/labs/:id/draft", async () => ({ savedAt: "2025-01-01T00:00:02.000Z" }));
  app.post<{ Body: { expectedMtimeMs?: number | null } }>("/api/labs/:id/write", async (req, reply) => {
    if (req.body.expectedMtimeMs === 1) return reply.code(409).send({ error: "exercise.ts changed on disk", hint: "Pick a version", file: { source: "// disk", mtimeMs: 2 } });
    return { file: { source: "// written", mtimeMs: 5 }, backup: "exercise.2025.ts" };
  });
  app.post("/api/labs/:id/hints/next", async () => ({ hint: "Task 1: look for IfNotExists", index: 0, total: 3, revealed: ["Task 1: look for IfNotExists"] }));
  app.post("/api/labs/:id/reset", async () => ({ starter: "// start", backups: ["/repo/.azlab/backups/blob-storage/2025-01-01T00-00-00-000Z.ts"] }));
  app.get<{ Params: { name: string } }>("/api/labs/:id/backups/:name", async (req) => ({ name: req.params.name, source: "// old" }));
  app.get("/api/progress", async () => ({ version: 1, labs: {} }));
  app.put("/api/progress", async (req) => req.body);
  app.get("/api/proxy-down", async (_req, reply) => reply.code(502).type("text/plain").send("Bad Gateway"));
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  setApiBase(address);
});

afterAll(async () => {
  await app.close();
  await rm(repoRoot, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  beaconArrived = new Promise((resolve) => (onBeacon = resolve));
});

const last = (): Received => received.at(-1)!;

describe("site API client", () => {
  it("uses the same shapes as the runner's API types", () => {
    expect(shapesAgree.every(Boolean)).toBe(true);
  });

  it("listLabs GETs /api/labs", async () => {
    const list = await api.listLabs();
    expect(last()).toMatchObject({ method: "GET", url: "/api/labs" });
    expect(list.skills[0]?.id).toBe("storage");
  });

  it("getLab GETs the lab, and asks for the solution only when revealing", async () => {
    const detail = await api.getLab("blob-storage");
    expect(last().url).toBe("/api/labs/blob-storage");
    expect(detail.solution).toBeUndefined();
    const revealed = await api.getLab("blob-storage", { reveal: true });
    expect(last().url).toBe("/api/labs/blob-storage?reveal=1");
    expect(revealed.solution).toBe("// solved");
  });

  it("getLab turns a 404 into an ApiError carrying the server's error and hint", async () => {
    const error = await api.getLab("blob-storag").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(describeError(error)).toEqual({ message: 'No lab named "blob-storag"', hint: 'Did you mean "blob-storage"?' });
  });

  it("gradeLab POSTs the source and returns the report", async () => {
    const result = await api.gradeLab("blob-storage", "export const x = 1;");
    expect(last()).toMatchObject({ method: "POST", url: "/api/labs/blob-storage/grade", body: { source: "export const x = 1;" } });
    expect(result).toEqual(report);
  });

  it("saveDraft PUTs the source with the disk file's mtime", async () => {
    const saved = await api.saveDraft("blob-storage", "// typing", 1234);
    expect(last()).toMatchObject({ method: "PUT", url: "/api/labs/blob-storage/draft", body: { source: "// typing", fileMtimeMs: 1234 } });
    expect(saved.savedAt).toBe("2025-01-01T00:00:01.000Z");
  });

  it("beaconDraft POSTs the draft as text/plain JSON that outlives the page", async () => {
    expect(api.beaconDraft("blob-storage", "// leaving", null)).toBe(true);
    const entry = await beaconArrived;
    expect(entry).toMatchObject({ method: "POST", url: "/api/labs/blob-storage/draft", body: { source: "// leaving", fileMtimeMs: null } });
    expect(entry.contentType).toMatch(/^text\/plain/);
  });

  it("writeExercise POSTs the source with the expected mtime, and a 409 carries the disk file", async () => {
    const written = await api.writeExercise("blob-storage", "// mine", 4);
    expect(last()).toMatchObject({ method: "POST", url: "/api/labs/blob-storage/write", body: { source: "// mine", expectedMtimeMs: 4 } });
    expect(written).toEqual({ file: { source: "// written", mtimeMs: 5 }, backup: "exercise.2025.ts" });
    const conflict = await api.writeExercise("blob-storage", "// mine", 1).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ApiError);
    expect((conflict as ApiError).status).toBe(409);
    expect((conflict as ApiError).body.file).toEqual({ source: "// disk", mtimeMs: 2 });
  });

  it("revealNextHint POSTs to hints/next", async () => {
    const hint = await api.revealNextHint("blob-storage");
    expect(last()).toMatchObject({ method: "POST", url: "/api/labs/blob-storage/hints/next" });
    expect(hint).toMatchObject({ index: 0, total: 3, hint: "Task 1: look for IfNotExists" });
  });

  it("resetLab POSTs an empty body to reset", async () => {
    const reset = await api.resetLab("blob-storage");
    expect(last()).toMatchObject({ method: "POST", url: "/api/labs/blob-storage/reset", body: {} });
    expect(reset).toEqual({ starter: "// start", backups: ["/repo/.azlab/backups/blob-storage/2025-01-01T00-00-00-000Z.ts"] });
  });

  it("getBackup GETs one backup by its encoded name", async () => {
    const backup = await api.getBackup("blob-storage", "draft 1.ts");
    expect(last().url).toBe("/api/labs/blob-storage/backups/draft%201.ts");
    expect(backup).toEqual({ name: "draft 1.ts", source: "// old" });
  });

  it("getProgress and putProgress read and replace the store", async () => {
    expect(await api.getProgress()).toEqual({ version: 1, labs: {} });
    const store = { version: 1, labs: { "blob-storage": { attempts: 2 } } };
    expect(await api.putProgress(store)).toEqual(store);
    expect(last()).toMatchObject({ method: "PUT", url: "/api/progress", body: store });
  });

  it("getCheatSheet returns content/cheat-sheet.md from the real content route", async () => {
    const sheet = await api.getCheatSheet();
    expect(sheet.markdown).toContain("Use `uploadData`.");
  });

  it("getCheatSheet explains a missing file with a 404 and a hint", async () => {
    await rm(path.join(repoRoot, "content", "cheat-sheet.md"));
    const error = await api.getCheatSheet().catch((e: unknown) => e);
    await writeFile(path.join(repoRoot, "content", "cheat-sheet.md"), "# Cheat sheet\n");
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).body.hint).toContain("content/cheat-sheet.md");
  });

  it("getSdkTypes returns the SDK declarations from the real types route", async () => {
    const types = await api.getSdkTypes();
    expect(types.files.some((f) => f.path === "file:///node_modules/@azure/storage-blob/package.json")).toBe(true);
    expect(types.compilerOptions).toMatchObject({ strict: true });
  });

  it("reports a proxy's 502 with no server behind it as unreachable", async () => {
    const { request } = await import("../../site/src/api/http.js");
    await expect(request("/api/proxy-down")).rejects.toBeInstanceOf(UnreachableError);
  });

  it("reports a closed server as unreachable, with a next step", async () => {
    const closed = Fastify();
    const address = await closed.listen({ port: 0, host: "127.0.0.1" });
    await closed.close();
    setApiBase(address);
    try {
      const error = await api.listLabs().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect(describeError(error).hint).toContain("npm start");
    } finally {
      setApiBase(app.listeningOrigin);
    }
  });
});
