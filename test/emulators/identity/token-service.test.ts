// The local managed identity: App Service token protocol, JWT shape and signature, user-assigned
// identities, the admin API for role assignments, and DefaultAzureCredential against it in a child process.
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, TENANT_ID, type RunningIdentity } from "../../../runner/src/emulators/identity/index.js";
import { DEFAULT_CA_DIR } from "../../../runner/src/emulators/tls/ca-store.js";
import { startSdkWorker } from "./sdk-worker.js";

const USER_CLIENT_ID = "6a1f5e1c-3c3b-4a58-9a53-2f0d1c9b7e41";
let identity: RunningIdentity;

beforeAll(async () => {
  identity = await start({
    keyDir: DEFAULT_CA_DIR,
    identities: [{ name: "worker-identity", clientId: USER_CLIENT_ID }],
    roleAssignments: [{ principal: "system", role: "Key Vault Secrets User", scope: "vaults/myvault" }],
  });
});

afterAll(async () => {
  await identity?.stop();
});

function tokenUrl(query: Record<string, string>): string {
  return `${identity.env.IDENTITY_ENDPOINT}?${new URLSearchParams({ "api-version": "2019-08-01", ...query })}`;
}

async function requestToken(query: Record<string, string>, header = identity.env.IDENTITY_HEADER!) {
  const response = await fetch(tokenUrl(query), { headers: { "x-identity-header": header } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function admin(path: string, init?: RequestInit) {
  const response = await fetch(`${identity.adminUrl}${path}`, { ...init, headers: { "content-type": "application/json" } });
  return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as any) };
}

describe("App Service managed identity protocol", () => {
  it("issues an RS256 JWT for the system-assigned identity, verifiable with the published keys", async () => {
    const { status, body } = await requestToken({ resource: "https://vault.azure.net" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", resource: "https://vault.azure.net", client_id: identity.directory.systemIdentity.clientId });
    const expiresOn = Number(body.expires_on);
    expect(expiresOn - Date.now() / 1000).toBeGreaterThan(23 * 3600);

    const keys = createRemoteJWKSet(new URL(`${identity.url}/${TENANT_ID}/discovery/keys`));
    const { payload, protectedHeader } = await jwtVerify(String(body.access_token), keys, {
      issuer: `https://sts.windows.net/${TENANT_ID}/`,
      audience: "https://vault.azure.net",
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      oid: identity.directory.systemIdentity.objectId,
      appid: identity.directory.systemIdentity.clientId,
      tid: TENANT_ID,
      exp: expiresOn,
    });
  });

  it("issues tokens for a user-assigned identity by client id, object id or resource id", async () => {
    const user = identity.directory.resolvePrincipal("worker-identity");
    const queries: Array<Record<string, string>> = [{ client_id: USER_CLIENT_ID }, { object_id: user.objectId }, { mi_res_id: user.resourceId }];
    for (const query of queries) {
      const { status, body } = await requestToken({ resource: "https://storage.azure.com", ...query });
      expect(status).toBe(200);
      expect(decodeJwt(String(body.access_token))).toMatchObject({ oid: user.objectId, appid: USER_CLIENT_ID, aud: "https://storage.azure.com" });
    }
  });

  it("refuses a wrong header, an unknown identity, a missing resource and another api-version", async () => {
    expect((await requestToken({ resource: "https://vault.azure.net" }, "wrong")).status).toBe(401);
    const unknown = await requestToken({ resource: "https://vault.azure.net", client_id: "00000000-0000-0000-0000-000000000001" });
    expect(unknown).toMatchObject({ status: 400, body: { message: expect.stringContaining("Unable to load the proper Managed Identity") } });
    expect((await requestToken({})).status).toBe(400);
    const oldVersion = await fetch(`${identity.env.IDENTITY_ENDPOINT}?api-version=2017-09-01&resource=x`, { headers: { "x-identity-header": identity.env.IDENTITY_HEADER! } });
    expect(oldVersion.status).toBe(400);
  });
});

describe("admin API", () => {
  it("adds, lists and removes role assignments at run time", async () => {
    const created = await admin("/role-assignments", {
      method: "POST",
      body: JSON.stringify({ principal: USER_CLIENT_ID, role: "Storage Blob Data Reader", scope: "storageAccounts/mystorage/containers/reports" }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      principalName: "worker-identity",
      role: "Storage Blob Data Reader",
      roleDefinitionId: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
      scope: expect.stringMatching(/\/providers\/Microsoft\.Storage\/storageAccounts\/mystorage\/blobServices\/default\/containers\/reports$/),
    });
    const listed = await admin("/role-assignments");
    expect(listed.body.map((assignment: { id: string }) => assignment.id)).toContain(created.body.id);
    expect((await admin(`/role-assignments/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin(`/role-assignments/${created.body.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("explains an unknown role, an unknown principal and a scope it does not understand", async () => {
    const badRole = await admin("/role-assignments", { method: "POST", body: JSON.stringify({ role: "Key Vault Secret User", scope: "vaults/myvault" }) });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toContain('Unknown role "Key Vault Secret User". Known roles: Key Vault Administrator');
    const badPrincipal = await admin("/role-assignments", { method: "POST", body: JSON.stringify({ principal: "nobody", role: "Key Vault Reader", scope: "/" }) });
    expect(badPrincipal.body.error.message).toContain('No managed identity matches "nobody"');
    const badScope = await admin("/role-assignments", { method: "POST", body: JSON.stringify({ role: "Key Vault Reader", scope: "keyvaults/x" }) });
    expect(badScope.body.error.message).toContain("'vaults/<vault>[/secrets/<name>]'");
  });

  it("mints tokens on request, including already expired ones", async () => {
    const minted = await admin("/tokens", { method: "POST", body: JSON.stringify({ principal: "worker-identity", resource: "https://vault.azure.net", lifetimeSeconds: -5 }) });
    const claims = decodeJwt(minted.body.access_token);
    expect(claims.oid).toBe(identity.directory.resolvePrincipal("worker-identity").objectId);
    expect(claims.exp! * 1000).toBeLessThan(Date.now());
  });
});

describe("role assignment scopes", () => {
  it("grants through a scope covering the resource and only the actions of the role", () => {
    const { directory } = identity;
    const principal = directory.addIdentity({ name: `scoped-${Date.now()}` });
    directory.assignRole({ principal: principal.name, role: "Key Vault Secrets User", scope: "vaults/myvault/secrets/only-this" });
    const secretId = (name: string) => `/subscriptions/00000000-0000-0000-0000-00000000a21a/resourceGroups/azlab/providers/Microsoft.KeyVault/vaults/myvault/secrets/${name}`;
    const get = "Microsoft.KeyVault/vaults/secrets/getSecret/action";
    expect(directory.findGrant(principal.objectId, get, secretId("only-this"))).toBeDefined();
    expect(directory.findGrant(principal.objectId, get, secretId("only-this-not"))).toBeUndefined();
    expect(directory.findGrant(principal.objectId, "Microsoft.KeyVault/vaults/secrets/setSecret/action", secretId("only-this"))).toBeUndefined();
  });
});

describe("through @azure/identity in a child process", () => {
  it("DefaultAzureCredential gets the system-assigned token; ManagedIdentityCredential({clientId}) the user-assigned one", async () => {
    const sdk = await startSdkWorker({ ...identity.env, AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" });
    try {
      const oids = await sdk.value<{ system: string; user: string }>(`
        const claims = (token) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
        const system = await new sdk.DefaultAzureCredential().getToken("https://vault.azure.net/.default");
        const user = await new sdk.ManagedIdentityCredential({ clientId: args.clientId }).getToken("https://vault.azure.net/.default");
        return { system: claims(system.token).oid, user: claims(user.token).oid };`, { clientId: USER_CLIENT_ID });
      expect(oids).toEqual({
        system: identity.directory.systemIdentity.objectId,
        user: identity.directory.resolvePrincipal("worker-identity").objectId,
      });
    } finally {
      await sdk.close();
    }
  });

  it("a wrong IDENTITY_HEADER surfaces the token service's message", async () => {
    const sdk = await startSdkWorker({ ...identity.env, IDENTITY_HEADER: "not-the-header", AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" });
    try {
      const outcome = await sdk.run(`await new sdk.DefaultAzureCredential().getToken("https://vault.azure.net/.default");`);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.message).toContain("X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER");
    } finally {
      await sdk.close();
    }
  });
});
