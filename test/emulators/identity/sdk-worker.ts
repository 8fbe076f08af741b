// Runs Azure SDK code in a child Node process started with the emulators' env, as the grader does:
// NODE_EXTRA_CA_CERTS is read only when Node starts, so the SDK cannot be exercised from the test process.
// One child per test file; each `run` sends a snippet (an async function body with `args` and `sdk` in
// scope) and gets back its JSON result or the error the SDK threw.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MARK = "@@sdk-worker@@";

/** The error fields a test may check; `undefined` fields were absent on the thrown error. */
export interface SdkFailure {
  name: string;
  message: string;
  statusCode?: number;
  code?: string;
  innerCode?: string;
}

export type SdkOutcome<T> = { ok: true; value: T } | { ok: false; error: SdkFailure };

const CHILD_SCRIPT = `
import { createInterface } from "node:readline";
const identity = await import("@azure/identity");
const secrets = await import("@azure/keyvault-secrets");
const sdk = { ...identity, ...secrets, import: (name) => import(name) };
const AsyncFunction = (async () => {}).constructor;
const send = (message) => process.stdout.write(${JSON.stringify(MARK)} + JSON.stringify(message) + "\\n");
send({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const { id, code, args } = JSON.parse(line);
  try {
    const value = await new AsyncFunction("args", "sdk", code)(args, sdk);
    send({ id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    const details = error?.details?.error ?? error?.details;
    send({ id, ok: false, error: {
      name: error?.name ?? "Error", message: String(error?.message ?? error),
      statusCode: error?.statusCode, code: error?.code ?? details?.code,
      innerCode: details?.innerError?.code ?? details?.innererror?.code,
    } });
  }
}
`;

export interface SdkWorker {
  /** Resolves with the snippet's outcome; never rejects for an SDK error. */
  run<T = unknown>(code: string, args?: unknown): Promise<SdkOutcome<T>>;
  /** Like run, but throws when the snippet failed. */
  value<T = unknown>(code: string, args?: unknown): Promise<T>;
  /** Everything the child wrote to stderr so far (for failure messages). */
  stderr(): string;
  close(): Promise<void>;
}

/** `env` is added to this process's environment; an `undefined` value removes that variable. */
export async function startSdkWorker(env: Record<string, string | undefined>): Promise<SdkWorker> {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) childEnv[key] = value;
  const child: ChildProcess = spawn(process.execPath, ["--input-type=module", "--eval", CHILD_SCRIPT], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const pending = new Map<number, (outcome: SdkOutcome<unknown>) => void>();
  let ready!: () => void;
  let failedToStart!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => ((ready = resolve), (failedToStart = reject)));
  child.once("exit", (code) => {
    const error = new Error(`SDK worker exited with code ${code}: ${stderr}`);
    failedToStart(error);
    for (const resolve of pending.values()) resolve({ ok: false, error: { name: "WorkerExit", message: error.message } });
    pending.clear();
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!line.startsWith(MARK)) return;
    const message = JSON.parse(line.slice(MARK.length));
    if (message.ready) return ready();
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  await started;

  let nextId = 0;
  const run = <T>(code: string, args?: unknown): Promise<SdkOutcome<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (outcome: SdkOutcome<unknown>) => void);
      child.stdin!.write(JSON.stringify({ id, code, args }) + "\n");
    });
  return {
    run,
    async value<T>(code: string, args?: unknown): Promise<T> {
      const outcome = await run<T>(code, args);
      if (!outcome.ok) throw new Error(`SDK call failed: ${JSON.stringify(outcome.error)}`);
      return outcome.value;
    },
    stderr: () => stderr,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin!.end();
      child.kill();
      await exited;
    },
  };
}
