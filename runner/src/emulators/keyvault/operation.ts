// What a Key Vault operation is: a route, the RBAC data action it needs, and a handler over the store.
import type { SecretStore } from "./secret-store.js";

export interface OperationRequest {
  vault: string;
  store: SecretStore;
  /** The vault URL as the caller wrote it, used in ids and nextLinks. */
  baseUrl: string;
  path: string;
  params: { name?: string; version?: string };
  query: URLSearchParams;
  body: unknown;
  apiVersion: string;
}

export interface OperationResult {
  status: number;
  body?: unknown;
}

export interface Operation {
  /** The SDK/REST operation name, e.g. `getSecret`. */
  name: string;
  method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST";
  /** Matched against the normalized path; named groups `name` and `version` become params. */
  path: RegExp;
  /** The data action Azure RBAC checks, e.g. `Microsoft.KeyVault/vaults/secrets/getSecret/action`. */
  action: string;
  /** Whether the action applies to one secret (scope .../secrets/<name>) or to the whole vault. */
  target: "secret" | "vault";
  handle(request: OperationRequest): OperationResult;
}

export const SECRET_ACTIONS = "Microsoft.KeyVault/vaults/secrets";
