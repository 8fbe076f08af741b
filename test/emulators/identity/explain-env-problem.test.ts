// Misconfigured env -> a sentence naming the variable to fix, from the errors a real child prints.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainCloudEnvProblem, start, type RunningCloud } from "../../../runner/src/emulators/identity-keyvault.js";
import { startSdkWorker } from "./sdk-worker.js";

let cloud: RunningCloud;

beforeAll(async () => {
  cloud = await start();
});

afterAll(async () => {
  await cloud?.stop();
});

/** The error text of one getSecret call made with `env` (no retries: the symptom is the first failure). */
async function getSecretError(env: Record<string, string | undefined>): Promise<string> {
  const sdk = await startSdkWorker(env);
  try {
    const outcome = await sdk.run(`
      const client = new sdk.SecretClient("https://myvault.vault.azure.net/", new sdk.DefaultAzureCredential(), { retryOptions: { maxRetries: 0 } });
      await client.getSecret("anything");`);
    if (outcome.ok) throw new Error("expected the call to fail");
    return `${outcome.error.name}: ${outcome.error.message} ${outcome.error.code ?? ""}`;
  } finally {
    await sdk.close();
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("explainCloudEnvProblem", () => {
  it("names NODE_EXTRA_CA_CERTS when the child does not trust the local CA", async () => {
    const env = { ...cloud.env, NODE_EXTRA_CA_CERTS: undefined };
    const hint = explainCloudEnvProblem(await getSecretError(env), env);
    expect(hint?.variable).toBe("NODE_EXTRA_CA_CERTS");
    expect(hint?.message).toContain("Node reads it only at start-up");
  });

  it("names HTTPS_PROXY when nothing listens where it points", async () => {
    const env = { ...cloud.env, HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` };
    const hint = explainCloudEnvProblem(await getSecretError(env), env);
    expect(hint).toMatchObject({ variable: "HTTPS_PROXY" });
    expect(hint?.message).toContain(env.HTTPS_PROXY);
  });

  it("recognises the other symptoms from their error text", () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ["RestError: getaddrinfo ENOTFOUND myvault.vault.azure.net", {}, "HTTPS_PROXY"],
      ["ManagedIdentityCredential: Network unreachable. Message: ...", { IDENTITY_ENDPOINT: "http://127.0.0.1:1/msi/token" }, "NO_PROXY"],
      ["CredentialUnavailableError: ManagedIdentityCredential: Authentication failed: the X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.", {}, "IDENTITY_HEADER"],
      ["connect ECONNREFUSED 127.0.0.1:4321", { IDENTITY_ENDPOINT: "http://127.0.0.1:4321/msi/token" }, "IDENTITY_ENDPOINT"],
      ["The challenge resource 'vault.azure.net' does not match the requested domain.", {}, "HTTPS_PROXY"],
      ["CredentialUnavailableError: DefaultAzureCredential: ManagedIdentityCredential is unavailable. No managed identity endpoint found.", {}, "IDENTITY_ENDPOINT"],
    ];
    for (const [text, env, variable] of cases) expect(explainCloudEnvProblem(text, env)?.variable, text).toBe(variable);
    expect(explainCloudEnvProblem("RestError: Operation get is not allowed on a disabled secret.")).toBeUndefined();
  });
});
