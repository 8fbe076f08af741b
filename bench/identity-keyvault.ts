// Identity + Key Vault figures: start times (median of 10) and getSecret round trips per second through the
// unmodified SDK with a cached token, measured in a child process started with the emulators' env.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { start as startCloud } from "../runner/src/emulators/identity-keyvault.js";
import { start as startIdentity } from "../runner/src/emulators/identity/index.js";
import { start as startKeyVault } from "../runner/src/emulators/keyvault/index.js";
import { DEFAULT_CA_DIR } from "../runner/src/emulators/tls/ca-store.js";
import { median, round, timeIt } from "./stats.js";

const RUNS = 10;
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

async function medianStart(start: () => Promise<{ stop(): Promise<void> }>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let running: { stop(): Promise<void> } | undefined;
    times.push(await timeIt(async () => (running = await start())));
    await running?.stop();
  }
  return round(median(times));
}

const GET_SECRET_LOOP = `
const { DefaultAzureCredential } = await import("@azure/identity");
const { SecretClient } = await import("@azure/keyvault-secrets");
const client = new SecretClient("https://myvault.vault.azure.net/", new DefaultAzureCredential());
await client.setSecret("BenchSecret", "value");
for (let i = 0; i < 20; i++) await client.getSecret("BenchSecret"); // warm up: token cached, JIT warm
let count = 0;
const started = performance.now();
while (performance.now() - started < 3000) { await client.getSecret("BenchSecret"); count++; }
console.log(JSON.stringify({ perSecond: count / ((performance.now() - started) / 1000) }));
`;

async function getSecretPerSecond(env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ["--input-type=module", "--eval", GET_SECRET_LOOP], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`getSecret loop failed (exit ${code}): ${stderr}`);
  return round((JSON.parse(stdout.trim().split("\n").at(-1)!) as { perSecond: number }).perSecond);
}

export async function benchIdentityKeyVault(): Promise<Record<string, number>> {
  // Create the CA and the token signing key once, as a first run on a machine would.
  await (await startCloud()).stop();
  const identityStartMs = await medianStart(() => startIdentity({ keyDir: DEFAULT_CA_DIR }));
  const identity = await startIdentity({ keyDir: DEFAULT_CA_DIR });
  const keyVaultStartMs = await medianStart(() => startKeyVault({ identity }));
  await identity.stop();
  const cloudStartMs = await medianStart(() => startCloud());

  const cloud = await startCloud();
  try {
    return {
      "token service start, median of 10 (ms)": identityStartMs,
      "Key Vault start incl. leaf certificate, median of 10 (ms)": keyVaultStartMs,
      "identity + Key Vault + proxy start, median of 10 (ms)": cloudStartMs,
      "getSecret round trips per second (SDK, cached token, via proxy)": await getSecretPerSecond(cloud.env),
    };
  } finally {
    await cloud.stop();
  }
}
