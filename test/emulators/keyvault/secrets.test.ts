// Key Vault secrets emulator conformance through the unmodified @azure/identity and @azure/keyvault-secrets,
// run in a child process with the emulators' env and real *.vault.azure.net host names.
import { randomBytes } from "node:crypto";
import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type RunningCloud } from "../../../runner/src/emulators/identity-keyvault.js";
import { startSdkWorker, type SdkWorker } from "../identity/sdk-worker.js";

let cloud: RunningCloud;
let sdk: SdkWorker;

beforeAll(async () => {
  cloud = await start({ vaults: ["myvault", "pagedvault", "rbacvault"] });
  sdk = await startSdkWorker(cloud.env);
});

afterAll(async () => {
  await sdk?.close();
  await cloud?.stop();
});

const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString("hex")}`;

/** Snippet prelude: one SecretClient per vault, built exactly as production code builds it. */
const CLIENT = `const client = ((globalThis.clients ??= {})[args.vault ?? "myvault"] ??=
  new sdk.SecretClient("https://" + (args.vault ?? "myvault") + ".vault.azure.net/", new sdk.DefaultAzureCredential()));`;

async function admin(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${cloud.env.AZLAB_IDENTITY_ADMIN_URL}${path}`, {
    ...init,
    headers: { "content-type": "application/json" },
  });
}

describe("challenge flow", () => {
  it("answers a request without a token with 401 and a bearer challenge for https://vault.azure.net", async () => {
    const { readFile } = await import("node:fs/promises");
    const ca = await readFile(cloud.caCertPath, "utf8");
    const answer = await new Promise<{ status: number; challenge: string; body: string }>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: cloud.keyVault.port, servername: "myvault.vault.azure.net", ca, path: "/secrets/x?api-version=2025-07-01", headers: { host: "myvault.vault.azure.net" } },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, challenge: String(res.headers["www-authenticate"]), body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(answer.status).toBe(401);
    expect(answer.challenge).toMatch(/^Bearer authorization="https:\/\/login\.microsoftonline\.com\/[0-9a-f-]+", resource="https:\/\/vault\.azure\.net"$/);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "Unauthorized", message: "AKV10000: Request is missing a Bearer or PoP token." } });
  });

  it("runs the production snippet unmodified: DefaultAzureCredential + SecretClient + getSecret", async () => {
    const value = await sdk.value<string>(
      `
      const { DefaultAzureCredential, SecretClient } = sdk;
      await new SecretClient("https://myvault.vault.azure.net/", new DefaultAzureCredential()).setSecret("DatabaseConnectionString", "Server=db;User=app");
      const credential = new DefaultAzureCredential();
      const client = new SecretClient("https://myvault.vault.azure.net/", credential);
      const secret = await client.getSecret("DatabaseConnectionString");
      return secret.value;`,
    );
    expect(value).toBe("Server=db;User=app");
  });
});

describe("secrets and versions", () => {
  it("creates a new version on every set; get returns the latest or the version asked for", async () => {
    const name = unique("versioned");
    const result = await sdk.value<{ versions: string[]; latest: string; first: string; count: number; id: string }>(
      `${CLIENT}
      const versions = [];
      for (const value of ["v1", "v2", "v3"]) versions.push((await client.setSecret(args.name, value)).properties.version);
      const latest = await client.getSecret(args.name);
      const first = await client.getSecret(args.name, { version: versions[0] });
      let count = 0;
      for await (const _ of client.listPropertiesOfSecretVersions(args.name)) count++;
      return { versions, latest: latest.value, first: first.value, count, id: latest.properties.id };`,
      { name },
    );
    expect(new Set(result.versions).size).toBe(3);
    expect(result.latest).toBe("v3");
    expect(result.first).toBe("v1");
    expect(result.count).toBe(3);
    expect(result.id).toBe(`https://myvault.vault.azure.net/secrets/${name}/${result.versions[2]}`);
  });

  it("stores and updates properties: enabled, expiresOn, notBefore, contentType, tags", async () => {
    const name = unique("props");
    const result = await sdk.value<Record<string, unknown>>(
      `${CLIENT}
      const expiresOn = new Date("2031-01-02T03:04:05Z"), notBefore = new Date("2030-01-01T00:00:00Z");
      const created = await client.setSecret(args.name, "value", { contentType: "text/plain", tags: { env: "lab" }, expiresOn, notBefore });
      const updated = await client.updateSecretProperties(args.name, created.properties.version, {
        contentType: "application/json", tags: { env: "test", owner: "me" }, expiresOn: new Date("2032-01-01T00:00:00Z"),
      });
      const read = await client.getSecret(args.name);
      return {
        createdContentType: created.properties.contentType, createdTags: created.properties.tags,
        createdExpires: created.properties.expiresOn.toISOString(), createdNotBefore: created.properties.notBefore.toISOString(),
        updatedValue: updated.value ?? null, contentType: read.properties.contentType, tags: read.properties.tags,
        expires: read.properties.expiresOn.toISOString(), notBefore: read.properties.notBefore.toISOString(),
        recoveryLevel: read.properties.recoveryLevel, recoverableDays: read.properties.recoverableDays,
        enabled: read.properties.enabled,
      };`,
      { name },
    );
    expect(result).toEqual({
      createdContentType: "text/plain",
      createdTags: { env: "lab" },
      createdExpires: "2031-01-02T03:04:05.000Z",
      createdNotBefore: "2030-01-01T00:00:00.000Z",
      updatedValue: null,
      contentType: "application/json",
      tags: { env: "test", owner: "me" },
      expires: "2032-01-01T00:00:00.000Z",
      notBefore: "2030-01-01T00:00:00.000Z",
      recoveryLevel: "Recoverable+Purgeable",
      recoverableDays: 90,
      enabled: true,
    });
  });

  it("refuses to read a disabled version with 403 SecretDisabled, but still reads an expired one", async () => {
    const name = unique("disabled");
    const outcome = await sdk.run(
      `${CLIENT}
      const old = await client.setSecret(args.name, "old", { expiresOn: new Date(Date.now() - 60_000) });
      const expiredValue = (await client.getSecret(args.name)).value;
      const current = await client.setSecret(args.name, "current");
      await client.updateSecretProperties(args.name, current.properties.version, { enabled: false });
      const oldValue = (await client.getSecret(args.name, { version: old.properties.version })).value;
      if (expiredValue !== "old" || oldValue !== "old") throw new Error("expired or older version not readable");
      await client.getSecret(args.name);`,
      { name },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 403, code: "Forbidden", innerCode: "SecretDisabled" });
    expect(outcome.error.message).toBe("Operation get is not allowed on a disabled secret.");
  });

  it("answers SecretNotFound for a missing secret or version", async () => {
    const name = unique("missing");
    const outcomes = await Promise.all([
      sdk.run(`${CLIENT} await client.getSecret(args.name);`, { name }),
      sdk.run(`${CLIENT} await client.setSecret(args.name, "x"); await client.getSecret(args.name, { version: "0123456789abcdef0123456789abcdef" });`, { name: `${name}-v` }),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatchObject({ statusCode: 404, code: "SecretNotFound" });
    }
    expect(outcomes[0]!.ok === false && outcomes[0]!.error.message).toContain(`A secret with (name/id) ${name} was not found in this key vault.`);
  });

  it("pages secret and version lists with nextLink when there are more than maxresults", async () => {
    const prefix = unique("page");
    const result = await sdk.value<{ pages: number[]; names: string[]; versionPages: number[] }>(
      `${CLIENT}
      for (let i = 0; i < 5; i++) await client.setSecret(args.prefix + "-" + i, "value " + i);
      for (let i = 0; i < 2; i++) await client.setSecret(args.prefix + "-0", "again " + i);
      const pages = [], names = [], versionPages = [];
      for await (const page of client.listPropertiesOfSecrets().byPage({ maxPageSize: 2 })) {
        pages.push(page.length);
        names.push(...page.map((item) => item.name));
      }
      for await (const page of client.listPropertiesOfSecretVersions(args.prefix + "-0").byPage({ maxPageSize: 2 })) versionPages.push(page.length);
      return { pages, names, versionPages };`,
      { vault: "pagedvault", prefix },
    );
    expect(result.pages).toEqual([2, 2, 1]);
    expect(result.names).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
    expect(result.versionPages).toEqual([2, 1]);
  });
});

describe("soft delete, recover, purge", () => {
  it("deletes softly: the secret is gone, listed as deleted, its name reserved, and recoverable", async () => {
    const name = unique("soft");
    const result = await sdk.value<Record<string, unknown>>(
      `${CLIENT}
      await client.setSecret(args.name, "keep me");
      const poller = await client.beginDeleteSecret(args.name);
      const deleted = await poller.pollUntilDone();
      const outcome = async (promise) => promise.then(() => "ok", (error) => error.statusCode + " " + (error.details?.error?.innerError?.code ?? error.code));
      const afterDelete = await outcome(client.getSecret(args.name));
      const reuse = await outcome(client.setSecret(args.name, "new value"));
      const fetched = await client.getDeletedSecret(args.name);
      const listed = [];
      for await (const item of client.listDeletedSecrets()) listed.push(item.name);
      await (await client.beginRecoverDeletedSecret(args.name)).pollUntilDone();
      const recovered = await client.getSecret(args.name);
      return {
        recoveryId: deleted.properties.recoveryId, hasDates: Boolean(deleted.properties.deletedOn && deleted.properties.scheduledPurgeDate),
        afterDelete, reuse, fetchedName: fetched.name, listed: listed.includes(args.name), recovered: recovered.value,
      };`,
      { name },
    );
    expect(result).toEqual({
      recoveryId: `https://myvault.vault.azure.net/deletedsecrets/${name}`,
      hasDates: true,
      afterDelete: "404 SecretNotFound",
      reuse: "409 ObjectIsDeletedButRecoverable",
      fetchedName: name,
      listed: true,
      recovered: "keep me",
    });
  });

  it("purges a deleted secret for good, which frees its name", async () => {
    const name = unique("purge");
    const result = await sdk.value<{ afterPurge: string; reused: string }>(
      `${CLIENT}
      await client.setSecret(args.name, "first");
      await (await client.beginDeleteSecret(args.name)).pollUntilDone();
      await client.purgeDeletedSecret(args.name);
      const afterPurge = await client.getDeletedSecret(args.name).then(() => "still there", (error) => error.statusCode + " " + error.code);
      await client.setSecret(args.name, "second");
      return { afterPurge, reused: (await client.getSecret(args.name)).value };`,
      { name },
    );
    expect(result).toEqual({ afterPurge: "404 SecretNotFound", reused: "second" });
  });
});

describe("backup and restore", () => {
  it("restores every version from a backup, and refuses to restore over an existing secret", async () => {
    const name = unique("backup");
    const result = await sdk.value<{ value: string; versions: number; conflict: string }>(
      `${CLIENT}
      await client.setSecret(args.name, "one");
      await client.setSecret(args.name, "two");
      const backup = await client.backupSecret(args.name);
      const conflict = await client.restoreSecretBackup(backup).then(() => "restored twice", (error) => String(error.statusCode));
      await (await client.beginDeleteSecret(args.name)).pollUntilDone();
      await client.purgeDeletedSecret(args.name);
      await client.restoreSecretBackup(backup);
      let versions = 0;
      for await (const _ of client.listPropertiesOfSecretVersions(args.name)) versions++;
      return { value: (await client.getSecret(args.name)).value, versions, conflict };`,
      { name },
    );
    expect(result).toEqual({ value: "two", versions: 2, conflict: "409" });
  });
});

describe("vaults and authorization", () => {
  it("answers an unknown vault name with a not-found error naming the vault", async () => {
    const outcome = await sdk.run(`${CLIENT} await client.getSecret("anything");`, { vault: "nosuchvault" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 404, code: "VaultNotFound" });
    expect(outcome.error.message).toContain("nosuchvault.vault.azure.net does not exist");
  });

  it("answers 403 ForbiddenByRbac without a role assignment; Key Vault Secrets User may read but not write", async () => {
    const name = unique("rbac");
    await sdk.value(`${CLIENT} await client.setSecret(args.name, "guarded");`, { vault: "rbacvault", name });

    const removal = await admin(`/role-assignments?principal=system&scope=${encodeURIComponent("vaults/rbacvault")}`, { method: "DELETE" });
    expect(await removal.json()).toEqual({ removed: 1 });
    const denied = await sdk.run(`${CLIENT} await client.getSecret(args.name);`, { vault: "rbacvault", name });
    expect(denied.ok).toBe(false);
    if (denied.ok) return;
    expect(denied.error).toMatchObject({ statusCode: 403, code: "Forbidden", innerCode: "ForbiddenByRbac" });
    expect(denied.error.message).toContain("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'");
    expect(denied.error.message).toContain(`/providers/microsoft.keyvault/vaults/rbacvault/secrets/${name}'`);

    const grant = await admin("/role-assignments", { method: "POST", body: JSON.stringify({ principal: "system", role: "Key Vault Secrets User", scope: "vaults/rbacvault" }) });
    expect(grant.status).toBe(201);
    expect(await sdk.value(`${CLIENT} return (await client.getSecret(args.name)).value;`, { vault: "rbacvault", name })).toBe("guarded");
    const write = await sdk.run(`${CLIENT} await client.setSecret(args.name, "changed");`, { vault: "rbacvault", name });
    expect(write.ok === false && write.error.statusCode).toBe(403);
    expect(write.ok === false && write.error.message).toContain("secrets/setSecret/action");
  });
});

describe("token validation", () => {
  /** Builds a SecretClient whose credential hands out `args.token`-producing code's result. */
  const CLIENT_WITH_TOKEN = (makeToken: string) => `
    const credential = { getToken: async () => ({ token: await (async () => { ${makeToken} })(), expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = new sdk.SecretClient("https://myvault.vault.azure.net/", credential);
    await client.getSecret("anything");`;

  it("rejects a token with a bad signature with 401", async () => {
    const outcome = await sdk.run(
      CLIENT_WITH_TOKEN(`
      const { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } = await sdk.import("jose");
      const real = (await new sdk.ManagedIdentityCredential().getToken("https://vault.azure.net/.default")).token;
      const { privateKey } = await generateKeyPair("RS256");
      return new SignJWT(decodeJwt(real)).setProtectedHeader(decodeProtectedHeader(real)).sign(privateKey);`),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 401, code: "Unauthorized" });
    expect(outcome.error.message).toContain("signature");
  });

  it("rejects a token for another audience with 401 AKV10022", async () => {
    const outcome = await sdk.run(
      CLIENT_WITH_TOKEN(`return (await new sdk.ManagedIdentityCredential().getToken("https://storage.azure.com/.default")).token;`),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 401, code: "Unauthorized" });
    expect(outcome.error.message).toBe("AKV10022: Invalid audience. Expected https://vault.azure.net or cfa8b339-82a2-471a-a3c9-0fc0be7a4093, found: https://storage.azure.com.");
  });

  it("rejects an expired token with 401", async () => {
    const minted = (await (await admin("/tokens", { method: "POST", body: JSON.stringify({ resource: "https://vault.azure.net", lifetimeSeconds: -60 }) })).json()) as { access_token: string };
    const outcome = await sdk.run(CLIENT_WITH_TOKEN(`return ${JSON.stringify(minted.access_token)};`));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 401, code: "Unauthorized" });
    expect(outcome.error.message).toMatch(/^The token expired at /);
  });
});
