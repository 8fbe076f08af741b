// Tests for the keyvault-managed-identity lab. Each test stores its own secrets (unique names) with its own
// SecretClient, signed in as the same managed identity your code uses, and checks your code's answers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DefaultAzureCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
import { AccessDeniedError, SecretCache, SecretDisabledError, createSecretClient, readSecret } from "./exercise.js";

const vaultUrl = process.env.KEY_VAULT_URL;
const adminUrl = process.env.AZLAB_IDENTITY_ADMIN_URL;
if (!vaultUrl || !process.env.IDENTITY_ENDPOINT) {
  throw new Error(
    "KEY_VAULT_URL and the managed identity variables are not set. Run `npm test` in this lab's folder (it starts " +
      "the local identity service and Key Vault for you), or export the variables printed by `npx azlab emulators`.",
  );
}
const vault = new SecretClient(vaultUrl, new DefaultAzureCredential());
const vaultName = new URL(vaultUrl).hostname.split(".")[0]!;

/** A secret name nobody else uses (Key Vault names: letters, digits and hyphens). */
const uniqueName = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

/** A clock the test moves by hand, so cache expiry is tested without waiting. */
function manualClock(): { now: () => number; advance(ms: number): void } {
  let time = Date.now();
  return { now: () => time, advance: (ms) => void (time += ms) };
}

async function changeRoles(method: "DELETE" | "POST", query: string, body?: object): Promise<void> {
  const response = await fetch(`${adminUrl}/role-assignments${query}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The identity admin API answered ${response.status}: ${await response.text()}`);
}

describe("1. Read a secret with DefaultAzureCredential", () => {
  it("reads the connection string from the vault, signed in as the app's managed identity", async () => {
    const name = uniqueName("DatabaseConnectionString");
    const connectionString = "Server=tcp:orders.database.windows.net;Database=orders;Authentication=Active Directory Default";
    await vault.setSecret(name, connectionString);

    const client = createSecretClient(vaultUrl);
    expect(client).toBeInstanceOf(SecretClient);
    expect(client.vaultUrl.replace(/\/$/, "")).toBe(vaultUrl.replace(/\/$/, ""));
    expect(await readSecret(client, name)).toBe(connectionString);
  });
});

describe("2. Cache the secret with an expiry", () => {
  it("serves the cached value until the time to live has passed, then reads the vault again", async () => {
    const name = uniqueName("DatabaseConnectionString");
    await vault.setSecret(name, "Password=first");
    const clock = manualClock();
    const cache = new SecretCache(createSecretClient(vaultUrl), { ttlMs: 60_000, now: clock.now });

    expect(await cache.get(name)).toBe("Password=first");
    await vault.setSecret(name, "Password=second"); // the vault changed, the cache has not expired yet
    clock.advance(59_000);
    expect(await cache.get(name), "read within the time to live: the cached value, no call to the vault").toBe("Password=first");
    clock.advance(2_000);
    expect(await cache.get(name), "the time to live has passed: the latest value from the vault").toBe("Password=second");
  });

  it("keeps one entry per secret name", async () => {
    const orders = uniqueName("OrdersDb");
    const billing = uniqueName("BillingDb");
    await Promise.all([vault.setSecret(orders, "orders-value"), vault.setSecret(billing, "billing-value")]);
    const cache = new SecretCache(createSecretClient(vaultUrl), { ttlMs: 60_000 });

    expect(await cache.get(orders)).toBe("orders-value");
    expect(await cache.get(billing)).toBe("billing-value");
    expect(await cache.get(orders)).toBe("orders-value");
  });
});

describe("3. Pick up a rotated secret", () => {
  it("refresh() reads the newest version at once, and later reads use it", async () => {
    const name = uniqueName("DatabaseConnectionString");
    await vault.setSecret(name, "Password=old");
    const clock = manualClock();
    const cache = new SecretCache(createSecretClient(vaultUrl), { ttlMs: 60 * 60_000, now: clock.now });
    expect(await cache.get(name)).toBe("Password=old");

    // Rotation: a new version becomes the latest. The old one still exists (and may still work for a while).
    await vault.setSecret(name, "Password=new");
    expect(await cache.get(name), "no refresh yet: still the cached value").toBe("Password=old");
    expect(await cache.refresh(name)).toBe("Password=new");
    clock.advance(1_000);
    expect(await cache.get(name), "after refresh() the cache holds the new version").toBe("Password=new");
  });
});

describe("4. Report a disabled secret clearly", () => {
  it("throws SecretDisabledError naming the secret when the latest version is disabled", async () => {
    const name = uniqueName("RetiredConnectionString");
    const created = await vault.setSecret(name, "Password=retired");
    await vault.updateSecretProperties(name, created.properties.version!, { enabled: false });

    const error = await readSecret(createSecretClient(vaultUrl), name).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error, "Key Vault answers 403 Forbidden (inner code SecretDisabled): turn it into SecretDisabledError").toBeInstanceOf(
      SecretDisabledError,
    );
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toMatch(/disabled/i);
  });
});

describe("5. Explain a missing role", () => {
  it("throws AccessDeniedError naming the vault and the role to assign when the identity lost its role", async () => {
    const name = uniqueName("DatabaseConnectionString");
    await vault.setSecret(name, "Password=locked");
    const client = createSecretClient(vaultUrl);
    expect(await readSecret(client, name)).toBe("Password=locked"); // the same client worked a moment ago

    // Someone removes the app's role assignment on the vault (as `az role assignment delete` would).
    await changeRoles("DELETE", `?principal=system&scope=${encodeURIComponent(`vaults/${vaultName}`)}`);
    try {
      const error = await readSecret(client, name).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, "Key Vault answers 403 Forbidden (inner code ForbiddenByRbac): turn it into AccessDeniedError").toBeInstanceOf(
        AccessDeniedError,
      );
      const message = (error as Error).message;
      expect(message).toContain(vaultName);
      expect(message, "name the least-privilege role that lets an app read secrets").toContain("Key Vault Secrets User");
      expect((error as AccessDeniedError).statusCode).toBe(403);
    } finally {
      await changeRoles("POST", "", { principal: "system", role: "Key Vault Secrets Officer", scope: `vaults/${vaultName}` });
    }
  });
});
