// Runs vitest in a child process with a scrubbed environment, a wall-time limit and a memory bound, and
// collects what the in-child reporter sends. The child is a process-group leader so that a kill takes its
// workers too.
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import type { ReportedTest, ReporterMessage } from "./reporter-protocol.js";
import { killGroup, processGroupRss } from "./process-tree.js";

export const OUTPUT_CAP_BYTES = 64 * 1024;
const RSS_POLL_MS = 200;

export interface ChildRunOptions {
  cwd: string;
  vitestEntry: string;
  env: Record<string, string>;
  timeoutMs: number;
  maxRssBytes: number;
  /** Node permission flags for the vitest process (see sandbox.ts); empty = no file-system sandbox. */
  permissionArgs: string[];
}

export interface ChildRunResult {
  ended: "finished" | "timeout" | "memory" | "crashed";
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  streamed: ReportedTest[];
  final?: Extract<ReporterMessage, { kind: "azlab-end" }>;
  output: string;
  peakRssBytes: number;
  durationMs: number;
}

/** Only what tests need crosses into the child: never the user's tokens, keys or other secrets. */
export function scrubbedEnv(cwd: string, extra: Record<string, string>): Record<string, string> {
  return {
    PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: cwd,
    TMPDIR: `${cwd}/tmp`,
    NODE_ENV: "test",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    CI: "1",
    AZLAB_GRADING: "1",
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    ...extra,
  };
}

export function runVitestChild(options: ChildRunOptions): Promise<ChildRunResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [...options.permissionArgs, options.vitestEntry, "run", "--config", "vitest.config.mjs"], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const pgid = child.pid ?? 0;
  let output = "";
  let outputBytes = 0;
  const capture = (chunk: Buffer) => {
    if (outputBytes >= OUTPUT_CAP_BYTES) return;
    const text = chunk.toString("utf8");
    output += text;
    outputBytes += chunk.length;
    if (outputBytes >= OUTPUT_CAP_BYTES) output = output.slice(0, OUTPUT_CAP_BYTES) + "\n[output truncated at 64 KiB]\n";
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);

  const streamed: ReportedTest[] = [];
  let final: ChildRunResult["final"];
  child.on("message", (message: ReporterMessage) => {
    if (message?.kind === "azlab-test") streamed.push(message.test);
    else if (message?.kind === "azlab-end") final = message;
  });

  let ended: ChildRunResult["ended"] = "finished";
  let peakRssBytes = 0;
  const stop = (reason: ChildRunResult["ended"]) => {
    if (ended === "finished") ended = reason;
    killGroup(pgid);
  };
  const timer = setTimeout(() => stop("timeout"), options.timeoutMs);
  let polling = false;
  const poll = setInterval(async () => {
    if (polling) return;
    polling = true;
    const rss = await processGroupRss(pgid);
    polling = false;
    peakRssBytes = Math.max(peakRssBytes, rss);
    if (rss > options.maxRssBytes) stop("memory");
  }, RSS_POLL_MS);

  return new Promise((resolve) => {
    child.on("error", (error) => capture(Buffer.from(`could not start the test runner: ${error.message}\n`)));
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      // Workers left behind by a learner's code (timers, servers) go with the group.
      killGroup(pgid);
      if (ended === "finished" && !final && signal) ended = "crashed";
      resolve({ ended, exitCode, signal, streamed, final, output, peakRssBytes, durationMs: Math.round(performance.now() - started) });
    });
  });
}
