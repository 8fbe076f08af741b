// What graded code can see: only its exercise and the tests, in a fresh folder, with a scrubbed environment.
import { mkdir, writeFile } from "node:fs/promises";
import path, { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Lab } from "../../runner/src/catalog/index.js";
import { EmulatorPool } from "../../runner/src/emulators/emulator-pool.js";
import { grade, type Report } from "../../runner/src/grader/index.js";
import { FIXTURE_LABS, makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let probe: Lab;
let repo: TempRepo;
const pool = new EmulatorPool();

beforeAll(async () => {
  repo = await makeTempRepo({ probe: join(FIXTURE_LABS, "probe") });
  await mkdir(repo.azlabDir, { recursive: true });
  await writeFile(join(repo.azlabDir, "progress.json"), '{"secret": "another learner\'s progress"}');
  probe = (await loadCatalog(repo.labsDir, repo.root)).get("probe")!;
});
afterAll(async () => {
  await pool.stopAll();
  await repo.remove();
});

function probeResult(report: Report): unknown {
  const line = report.tests[0]?.output?.split("\n").find((l) => l.startsWith("PROBE:"));
  if (!line) throw new Error(`the probe printed nothing: ${JSON.stringify(report)}`);
  return JSON.parse(line.slice("PROBE:".length));
}

const runProbe = async (body: string) =>
  probeResult(await grade({ lab: probe, emulators: pool, typeCheck: false, source: `import * as fs from "node:fs";\nimport * as path from "node:path";\nexport async function probe(): Promise<unknown> {\n${body}\n}\n` }));

describe("grader isolation", () => {
  it("copies only the exercise and the tests into the grading folder (hidden tests in a subfolder)", async () => {
    const report = await grade({
      lab: probe,
      emulators: pool,
      typeCheck: false,
      sandbox: false,
      source: `import * as fs from "node:fs";\nexport async function probe(): Promise<unknown> {\n  const here = new URL(".", import.meta.url).pathname;\n  return fs.readdirSync(here).sort().concat(fs.existsSync(here + "hidden") ? fs.readdirSync(here + "hidden") : []);\n}\n`,
    });
    expect(probeResult(report)).toEqual(["exercise.test.ts", "exercise.ts", "hidden", "node_modules", "package.json", "tmp", "vitest.config.mjs", "hidden.test.ts"]);
  });

  it("runs hidden tests but denies the learner's code reading them, even in its own folder", async () => {
    const result = await runProbe(`
      const here = path.dirname(new URL(import.meta.url).pathname);
      try { return fs.readFileSync(path.join(here, "hidden/hidden.test.ts"), "utf8"); } catch (e) { return (e as NodeJS.ErrnoException).code; }`);
    expect(result).toBe("ERR_ACCESS_DENIED");
  });

  it("denies reading the reference solution by absolute path", async () => {
    const solution = path.join(probe.dir, "solution/exercise.ts");
    const result = await runProbe(`try { return fs.readFileSync(${JSON.stringify(solution)}, "utf8"); } catch (e) { return (e as NodeJS.ErrnoException).code; }`);
    expect(result).toBe("ERR_ACCESS_DENIED");
  });

  it("denies reading .azlab/ (progress, drafts, other learners' work) by absolute path", async () => {
    const progress = path.join(repo.azlabDir, "progress.json");
    const result = await runProbe(`try { return fs.readFileSync(${JSON.stringify(progress)}, "utf8"); } catch (e) { return (e as NodeJS.ErrnoException).code; }`);
    expect(result).toBe("ERR_ACCESS_DENIED");
  });

  it("denies starting other processes from learner code", async () => {
    const result = await runProbe(`const cp = await import("node:child_process"); try { return cp.execFileSync("cat", ["/etc/hostname"]).toString(); } catch (e) { return (e as NodeJS.ErrnoException).code; }`);
    expect(result).toBe("ERR_ACCESS_DENIED");
  });

  it("scrubs the environment: the server's variables do not reach learner code", async () => {
    process.env.AZLAB_TEST_SECRET = "do-not-leak";
    const result = (await runProbe(`return Object.keys(process.env).sort();`)) as string[];
    delete process.env.AZLAB_TEST_SECRET;
    expect(result).not.toContain("AZLAB_TEST_SECRET");
    expect(result).toEqual(expect.arrayContaining(["HOME", "PATH", "TMPDIR"]));
  });

  it("type-checks a lab folder outside the repository against the installed SDK typings", async () => {
    const report = await grade({
      lab: probe,
      emulators: pool,
      source: `import { BlobServiceClient } from "@azure/storage-blob";\nexport async function probe(): Promise<unknown> {\n  const size: number = Buffer.byteLength("ok");\n  return typeof BlobServiceClient === "function" && size === 2 ? "ok" : "no";\n}\n`,
    });
    expect(probe.dir.startsWith(repo.root)).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe("pass");
  });

  it("runs the learner's code in a process other than the grader's", async () => {
    const pid = await runProbe(`return process.pid;`);
    expect(pid).not.toBe(process.pid);
  });
});

describe("grader network sandbox", () => {
  it("lets graded code reach the emulators but no other address", async () => {
    const { createServer } = await import("node:http");
    const outsider = createServer((_req, res) => res.end("secret")).listen(0, "127.0.0.1");
    await new Promise((resolve) => outsider.once("listening", resolve));
    const port = (outsider.address() as { port: number }).port;
    try {
      const blobProbe = { ...probe, services: ["blob" as const] };
      const report = await grade({
        lab: blobProbe,
        emulators: pool,
        typeCheck: false,
        source: `import { BlobServiceClient } from "@azure/storage-blob";
export async function probe(): Promise<unknown> {
  const out: Record<string, string> = {};
  try { await BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!).getContainerClient("net-probe").createIfNotExists(); out.emulator = "reached"; } catch (e) { out.emulator = String(e); }
  try { out.other = await (await fetch("http://127.0.0.1:${port}/")).text(); } catch (e) { out.other = String((e as { cause?: { code?: string } }).cause?.code ?? e); }
  try { const dgram = await import("node:dgram"); dgram.createSocket("udp4"); out.udp = "opened"; } catch (e) { out.udp = (e as NodeJS.ErrnoException).code ?? String(e); }
  return out;
}
`,
      });
      expect(probeResult(report)).toEqual({ emulator: "reached", other: "ERR_ACCESS_DENIED", udp: "ERR_ACCESS_DENIED" });
    } finally {
      outsider.close();
    }
  });
});

describe("grader network sandbox, keyless labs", () => {
  it("keeps the network guard on behind azlab's proxy, and the proxy refuses hosts it does not emulate", async () => {
    const keyless = { ...probe, services: ["identity" as const, "keyvault" as const] };
    const report = await grade({
      lab: keyless,
      emulators: pool,
      typeCheck: false,
      source: `import { request } from "node:http";
export async function probe(): Promise<unknown> {
  const proxy = new URL(process.env.HTTPS_PROXY!);
  const status = await new Promise<number | string>((resolve) => {
    const req = request({ host: proxy.hostname, port: Number(proxy.port), method: "CONNECT", path: "example.com:443" });
    req.on("connect", (res, socket) => { socket.destroy(); resolve(res.statusCode ?? 0); });
    req.on("error", (e) => resolve(String(e)));
    req.end();
  });
  let direct: string;
  try { await fetch("http://93.184.216.34/"); direct = "reached"; } catch (e) { direct = String((e as { cause?: { code?: string } }).cause?.code ?? e); }
  return { proxy: status, direct, guard: process.env.AZLAB_ALLOWED_PORTS ? "on" : "off" };
}
`,
    });
    expect(probeResult(report)).toEqual({ proxy: 403, direct: "ERR_ACCESS_DENIED", guard: "on" });
  });
});

describe("environment problems in words", () => {
  it("names NODE_EXTRA_CA_CERTS when the local CA is not trusted, instead of a raw TLS error", async () => {
    const keyless = { ...probe, services: ["identity" as const, "keyvault" as const] };
    const report = await grade({
      lab: keyless,
      emulators: pool,
      typeCheck: false,
      // A file with no certificate in it: Node starts, trusts nothing extra, and TLS to the vault fails.
      env: { NODE_EXTRA_CA_CERTS: join(repo.root, "package.json") },
      source: `import { DefaultAzureCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
export async function probe(): Promise<unknown> {
  const client = new SecretClient("https://myvault.vault.azure.net/", new DefaultAzureCredential(), { retryOptions: { maxRetries: 0 } });
  await client.getSecret("anything");
  return "ok";
}
`,
    });
    expect(report.status).toBe("fail");
    expect(report.message).toMatch(/Environment problem \(NODE_EXTRA_CA_CERTS\)/);
  });
});
