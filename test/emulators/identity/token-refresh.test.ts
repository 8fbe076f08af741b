// With a short token lifetime the SDK's cached token expires; the unmodified SDK fetches a fresh one from
// the token service and Key Vault accepts it, so the learner's code keeps working. (Key Vault rejecting an
// expired token is checked in test/emulators/keyvault/secrets.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type RunningCloud } from "../../../runner/src/emulators/identity-keyvault.js";
import { startSdkWorker, type SdkWorker } from "./sdk-worker.js";

const LIFETIME_SECONDS = 2;
let cloud: RunningCloud;
let sdk: SdkWorker;

beforeAll(async () => {
  cloud = await start({ tokenLifetimeSeconds: LIFETIME_SECONDS });
  sdk = await startSdkWorker(cloud.env);
});

afterAll(async () => {
  await sdk?.close();
  await cloud?.stop();
});

describe("token refresh", () => {
  it("gets a new token once the first one has expired, and the same client keeps reading", async () => {
    const first = await sdk.value<{ value: string; exp: number }>(`
      globalThis.credential = new sdk.DefaultAzureCredential();
      globalThis.client = new sdk.SecretClient("https://myvault.vault.azure.net/", globalThis.credential);
      await client.setSecret("Rotating", "still here");
      const token = await credential.getToken("https://vault.azure.net/.default");
      const exp = JSON.parse(Buffer.from(token.token.split(".")[1], "base64url").toString()).exp;
      return { value: (await client.getSecret("Rotating")).value, exp };`);
    expect(first.value).toBe("still here");
    const issuedBefore = cloud.identity.stats.tokensIssued;

    // Waiting for the clock is the point of this test: wait until the token's exp has passed.
    const untilExpired = first.exp * 1000 - Date.now() + 1100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(untilExpired, 0)));

    const second = await sdk.value<{ value: string; exp: number }>(`
      const value = (await client.getSecret("Rotating")).value;
      const token = await credential.getToken("https://vault.azure.net/.default");
      return { value, exp: JSON.parse(Buffer.from(token.token.split(".")[1], "base64url").toString()).exp };`);
    expect(second.value).toBe("still here");
    expect(second.exp).toBeGreaterThan(first.exp);
    expect(cloud.identity.stats.tokensIssued).toBeGreaterThan(issuedBefore);
  });
});
