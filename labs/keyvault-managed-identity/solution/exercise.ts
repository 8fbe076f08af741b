// Reference solution for the keyvault-managed-identity lab.
import { isRestError } from "@azure/core-rest-pipeline";
import { DefaultAzureCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";

/** Thrown when the secret exists but is disabled: Key Vault refuses to return its value. */
export class SecretDisabledError extends Error {
  override readonly name = "SecretDisabledError";
  constructor(
    readonly secretName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Thrown when the app's identity has no role that lets it read secrets in the vault. */
export class AccessDeniedError extends Error {
  override readonly name = "AccessDeniedError";
  readonly statusCode = 403;
  constructor(
    readonly vaultName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function createSecretClient(vaultUrl: string): SecretClient {
  // No key, password or connection string anywhere: DefaultAzureCredential finds an identity at run time
  // (managed identity in Azure, your `az login` on a laptop) and the SDK swaps it for tokens as needed.
  const credential = new DefaultAzureCredential();
  return new SecretClient(vaultUrl, credential);
}

export async function readSecret(client: SecretClient, name: string): Promise<string> {
  try {
    const secret = await client.getSecret(name);
    // `value` is typed optional (a secret can be created without one): fail here, not later in a driver.
    if (secret.value === undefined) throw new Error(`Secret "${name}" has no value.`);
    return secret.value;
  } catch (error) {
    if (!isRestError(error) || error.statusCode !== 403) throw error;
    // Key Vault answers 403 for two different problems; the inner error code tells them apart.
    const vault = new URL(client.vaultUrl).hostname.split(".")[0] ?? client.vaultUrl;
    if (innerErrorCode(error.details) === "SecretDisabled") {
      throw new SecretDisabledError(
        name,
        `Secret "${name}" in vault ${vault} is disabled. Enable it, or set a new version, before the app can read it.`,
        { cause: error },
      );
    }
    throw new AccessDeniedError(
      vault,
      `The app's identity may not read secret "${name}" in vault ${vault} (403 Forbidden). ` +
        `Assign it the "Key Vault Secrets User" role on the vault (az role assignment create --role "Key Vault Secrets User" ...).`,
      { cause: error },
    );
  }
}

/** `{"error": {"innerError": {"code": "SecretDisabled"}}}`, as the SDK parses Key Vault's error body. */
function innerErrorCode(details: unknown): string | undefined {
  const body = details as { error?: { innerError?: { code?: string }; innererror?: { code?: string } } } | undefined;
  return body?.error?.innerError?.code ?? body?.error?.innererror?.code;
}

export interface SecretCacheOptions {
  ttlMs: number;
  now?: () => number;
}

interface CachedSecret {
  value: string;
  expiresAt: number;
}

export class SecretCache {
  readonly #client: SecretClient;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, CachedSecret>();

  constructor(client: SecretClient, options: SecretCacheOptions) {
    this.#client = client;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  async get(name: string): Promise<string> {
    const cached = this.#entries.get(name);
    // A vault is throttled per vault (a few thousand calls per 10 s); reading on every request would hit it.
    if (cached && this.#now() < cached.expiresAt) return cached.value;
    return this.refresh(name);
  }

  async refresh(name: string): Promise<string> {
    // Always the latest version: a rotation is a new version, so no version is pinned here.
    const value = await readSecret(this.#client, name);
    this.#entries.set(name, { value, expiresAt: this.#now() + this.#ttlMs });
    return value;
  }
}
