// Team session figures: grading throughput with 10 concurrent submissions (2 cores), and WebSocket fan-out
// latency from a participant's submit to the host's dashboard update.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startServer } from "../runner/src/server/index.js";
import { percentile, round } from "./stats.js";

const ROOT = join(import.meta.dirname, "..");

export async function benchTeam(): Promise<Record<string, number>> {
  const azlabDir = await mkdtemp(join(tmpdir(), "azlab-bench-team-"));
  const server = await startServer({ repoRoot: ROOT, azlabDir, port: 0, siteDist: join(azlabDir, "none"), warmEmulators: true });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(server.url + path, {
      method,
      headers: { ...(token ? { "x-azlab-token": token } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return response.json() as Promise<any>;
  };
  try {
    const created = await call("POST", "/api/team/sessions", undefined, { title: "bench" });
    const host = created.hostToken as string;
    const joinToken = new URL(created.joinPath, "http://x").searchParams.get("t")!;
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => call("POST", "/api/team/join", joinToken, { name: `P${i}` })));
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/team/ws?t=${host}`);
    await new Promise((resolve) => socket.once("open", resolve));
    let latest: any;
    const waiters: Array<{ test: (state: any) => boolean; resolve: () => void }> = [];
    socket.on("message", (data) => {
      latest = JSON.parse(String(data)).state;
      for (const waiter of [...waiters]) if (waiter.test(latest)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    const until = (test: (state: any) => boolean) => new Promise<void>((resolve) => (latest && test(latest) ? resolve() : waiters.push({ test, resolve })));

    // Fan-out: each participant answers a question; time until the host's view shows the answer.
    const question = (await call("GET", "/api/questions?area=compute", host)).questions.find((q: any) => q.type === "single");
    await call("POST", "/api/team/rounds", host, { questionId: question.id, durationSec: 600 });
    const latencies: number[] = [];
    for (const person of people) {
      const started = performance.now();
      const seen = until((state) => state.rounds.at(-1).participants.some((p: any) => p.id === person.participantId && p.submission));
      await call("POST", "/api/team/submit", person.token, { choices: ["a"] });
      await seen;
      latencies.push(performance.now() - started);
    }

    // Throughput: ten submissions of blob-storage's solution at once.
    const code = await readFile(join(ROOT, "labs/blob-storage/solution/exercise.ts"), "utf8");
    await call("POST", "/api/team/rounds", host, { labId: "blob-storage", durationSec: 600 });
    const started = performance.now();
    const allDone = until((state) => state.rounds.at(-1).participants.filter((p: any) => p.submission?.grading === "done").length === 10);
    await Promise.all(people.map((person) => call("POST", "/api/team/submit", person.token, { code })));
    await allDone;
    const minutes = (performance.now() - started) / 60_000;
    socket.close();
    return {
      "10 concurrent gradings, total s": round(minutes * 60),
      "gradings per minute (2 cores)": round(10 / minutes),
      "submit -> host dashboard p50 ms": round(percentile(latencies, 50)),
      "submit -> host dashboard p95 ms": round(percentile(latencies, 95)),
    };
  } finally {
    await server.close();
    await rm(azlabDir, { recursive: true, force: true });
  }
}
