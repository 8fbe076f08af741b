// Key Vault with a managed identity: fill in each TODO, then run `npm test` in this folder.
// There is no key, password or connection string in this file, and there must not be: the app signs in as
// its own identity with DefaultAzureCredential, and Azure RBAC decides what that identity may read.
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

/**
 * Task 1a. Return a SecretClient for `vaultUrl` (e.g. "https://myvault.vault.azure.net/") that signs in with
 * `new DefaultAzureCredential()`: the production code, unchanged.
 */
export function createSecretClient(vaultUrl: string): SecretClient {
  // TODO: create the credential and the client.
  throw new Error("TODO: createSecretClient is not implemented yet");
}

/**
 * Task 1b. Return the value of the latest version of secret `name`.
 * Task 4. When the secret is disabled (403, inner error code "SecretDisabled"), throw SecretDisabledError with a
 * message that names the secret and says it is disabled.
 * Task 5. When the identity may not read secrets (403, inner error code "ForbiddenByRbac"), throw
 * AccessDeniedError with a message that names the vault and the role to assign ("Key Vault Secrets User").
 * Any other error propagates unchanged.
 */
export async function readSecret(client: SecretClient, name: string): Promise<string> {
  // TODO: get the secret and return its value (the SDK types `value` as optional).
  // TODO (tasks 4 and 5): catch errors; `isRestError(error)` and `error.statusCode === 403` find the 403s, and
  // `error.details` holds Key Vault's parsed body: {"error": {"code", "message", "innerError": {"code"}}}.
  throw new Error("TODO: readSecret is not implemented yet");
}

export interface SecretCacheOptions {
  /** How long a value read from the vault is served from memory, in milliseconds. */
  ttlMs: number;
  /** The clock, in milliseconds (default `Date.now`); tests pass their own to move time forward. */
  now?: () => number;
}

/**
 * Task 2. An in-memory cache of secret values, one entry per secret name, read through `readSecret`.
 * Task 3. `refresh` re-reads a secret on demand, for when you know it was rotated.
 */
export class SecretCache {
  constructor(client: SecretClient, options: SecretCacheOptions) {
    // TODO: keep what `get` and `refresh` need.
  }

  /**
   * Task 2. Return the cached value of `name` while it is younger than `ttlMs`; otherwise read the vault,
   * remember the value with the time it expires, and return it.
   */
  async get(name: string): Promise<string> {
    // TODO: serve from the cache or read the vault.
    throw new Error("TODO: SecretCache.get is not implemented yet");
  }

  /** Task 3. Read the latest version of `name` now, whatever its age in the cache, and cache it. */
  async refresh(name: string): Promise<string> {
    // TODO: read the vault and replace the cached entry.
    throw new Error("TODO: SecretCache.refresh is not implemented yet");
  }
}
