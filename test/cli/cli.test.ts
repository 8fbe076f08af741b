// The azlab command spawned as a real process, as a learner runs it.
import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema } from "../../runner/src/grader/index.js";
import { FIXTURE_LABS, REPO_ROOT, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

const BIN = join(REPO_ROOT, "runner/bin/azlab.js");
let repo: TempRepo;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function azlab(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? repo.root,
      env: { ...process.env, AZLAB_ROOT: "", AZURE_STORAGE_CONNECTION_STRING: "", NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `azlab emulators --json --free-ports ...` as a real process: its first line, parsed, and the process to stop. */
async function startEmulatorsCommand(args: string[]) {
  const child = spawn(process.execPath, [BIN, "emulators", "--json", "--free-ports", ...args], {
    cwd: repo.root,
    env: { ...process.env, AZURE_STORAGE_CONNECTION_STRING: "", SERVICEBUS_CONNECTION_STRING: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.on("close", (code) => reject(new Error(`emulators exited with ${code} before printing`)));
  });
  return { child, env: JSON.parse(line) as Record<string, string> };
}

beforeAll(async () => {
  repo = await makeTempRepo({ arithmetic: join(FIXTURE_LABS, "arithmetic"), probe: join(FIXTURE_LABS, "probe") });
});
afterAll(() => repo.remove());

describe("azlab CLI", () => {
  it("list shows labs by skill area", async () => {
    const run = await azlab(["list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Develop Azure compute solutions");
    expect(run.stdout).toMatch(/arithmetic\s+Arithmetic \(grader fixture\)\s+not started/);
  });

  it("test --json prints only the report; exit 1 when tests fail", async () => {
    const run = await azlab(["test", "arithmetic", "--json"]);
    expect(run.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ lab: "arithmetic", status: "fail" });
  });

  it("test inside a lab folder implies the lab; --solution passes with exit 0 and a readable summary", async () => {
    const run = await azlab(["test", "--solution"], { cwd: join(repo.labsDir, "arithmetic") });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ adds two numbers");
    expect(run.stdout).toContain("4 passed, 0 failed");
  });

  it("an unknown lab gets a clear error with a suggestion and no stack trace", async () => {
    const run = await azlab(["test", "arithmatic"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No lab named "arithmatic"');
    expect(run.stderr).toContain('Did you mean "arithmetic"?');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("says clearly when the learner's file is not UTF-8 or is missing, and how to fix it", async () => {
    const file = join(repo.labsDir, "probe/exercise.ts");
    const original = await readFile(file);
    try {
      await writeFile(file, Buffer.from([0x65, 0x78, 0xff, 0xfe, 0x0a]));
      const binary = await azlab(["test", "probe"]);
      expect(binary.code).toBe(2);
      expect(binary.stderr).toContain("is not UTF-8 text");
      expect(binary.stderr).toContain("Save the file as UTF-8");
      const { rm } = await import("node:fs/promises");
      await rm(file);
      const missing = await azlab(["test", "probe"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("does not exist");
      expect(missing.stderr).toContain("azlab reset");
      expect(missing.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await writeFile(file, original);
    }
  });

  it("reset keeps a backup of the learner's changes and says where", async () => {
    await writeFile(join(repo.labsDir, "probe/exercise.ts"), "// my precious work\n");
    const run = await azlab(["reset", "probe"]);
    expect(run.code).toBe(0);
    const backupDir = join(repo.azlabDir, "backups/probe");
    const [backup] = await readdir(backupDir);
    expect(run.stdout).toContain(join(backupDir, backup!));
    expect(await readFile(join(backupDir, backup!), "utf8")).toBe("// my precious work\n");
    expect(await readFile(join(repo.labsDir, "probe/exercise.ts"), "utf8")).toContain("TODO");
  });

  it("hint reveals hints in order and remembers them", async () => {
    expect((await azlab(["hint", "arithmetic"])).stdout).toContain("Hint 1 of 2: Task 1: use +");
    expect((await azlab(["hint", "arithmetic"])).stdout).toContain("Hint 2 of 2: Task 2: use *");
  });

  it("solution without a terminal asks for --yes instead of hanging", async () => {
    const refused = await azlab(["solution", "arithmetic"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--yes");
    const shown = await azlab(["solution", "arithmetic", "--yes"]);
    expect(shown.stdout).toContain("return a * b;");
  });

  it("check reports every catalog problem with exit 2", async () => {
    const run = await azlab(["check"], { env: { AZLAB_ROOT: "" }, cwd: repo.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 labs are valid.");
  });

  it("quiz drills due cards from piped answers and schedules them", async () => {
    const child = spawn(process.execPath, [BIN, "quiz", "--area", "monitor", "-n", "2"], {
      cwd: REPO_ROOT,
      env: { ...process.env, AZLAB_HOME: repo.azlabDir, NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stdin.end("a\n3\na\n3\n");
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    expect(out).toContain("[1/2] monitor");
    expect(out).toMatch(/Reviewed 2 cards/);
    const schedule = JSON.parse(await readFile(join(repo.azlabDir, "flashcards.json"), "utf8"));
    expect(Object.keys(schedule.cards)).toHaveLength(2);
  });

  it("emulators --servicebus-config loads a Microsoft-format Config.json the SDK can use at once", async () => {
    const { child, env } = await startEmulatorsCommand(["--servicebus-config", join(REPO_ROOT, "servicebus/Config.json")]);
    expect(env.SERVICEBUS_CONNECTION_STRING).toMatch(/^Endpoint=sb:\/\/localhost:\d+;.*UseDevelopmentEmulator=true/);
    const { ServiceBusClient } = await import("@azure/service-bus");
    const client = new ServiceBusClient(env.SERVICEBUS_CONNECTION_STRING!);
    try {
      await client.createSender("orders").sendMessages({ body: "from the config file" });
      const [message] = await client.createReceiver("orders", { receiveMode: "receiveAndDelete" }).receiveMessages(1, { maxWaitTimeInMs: 5000 });
      expect(message?.body).toBe("from the config file");
    } finally {
      await client.close();
      const exited = new Promise((resolve) => child.on("close", resolve));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  });

  it("emulators --json prints one JSON line with connection strings the SDK can use", async () => {
    const { child, env } = await startEmulatorsCommand([]);
    const service = BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING!);
    const container = service.getContainerClient(`cli-${Date.now()}`);
    await container.create();
    expect((await container.exists())).toBe(true);
    const exited = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
