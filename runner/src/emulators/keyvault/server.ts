// The Key Vault data plane over HTTPS: resolves the vault from the Host header, runs the challenge and
// RBAC checks, dispatches to the operation and answers Azure-shaped JSON.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IdentityDirectory } from "../identity/directory.js";
import { BodyTooLargeError, readBody, sendJson } from "../identity/http-json.js";
import type { TokenIssuer } from "../identity/token-issuer.js";
import { authenticate, authorize, CHALLENGE_HEADER } from "./auth.js";
import { KeyVaultError, keyVaultErrors } from "./errors.js";
import { normalizePath, route } from "./router.js";
import type { SecretStore } from "./secret-store.js";

/** The api-version the installed @azure/keyvault-secrets sends, and the older ones still in use. */
export const LATEST_API_VERSION = "2025-07-01";
const API_VERSIONS = new Set(["7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.6-preview.2", LATEST_API_VERSION]);

export interface KeyVaultContext {
  vaults: Map<string, SecretStore>;
  /** Answers requests that reach the server by IP or localhost rather than by vault host name. */
  defaultVault: string;
  directory: IdentityDirectory;
  issuer: TokenIssuer;
}

function vaultFromHost(host: string, context: KeyVaultContext): string {
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  const match = /^([a-z0-9-]+)\.vault\.azure\.net$/.exec(hostname);
  return match ? match[1]! : context.defaultVault;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw keyVaultErrors.badParameter("The request body is not valid JSON.");
  }
}

async function handle(context: KeyVaultContext, request: IncomingMessage): Promise<{ status: number; body?: unknown }> {
  const host = request.headers.host ?? "localhost";
  const url = new URL(request.url ?? "/", `https://${host}`);
  const vault = vaultFromHost(host, context);
  const store = context.vaults.get(vault);
  if (!store) throw keyVaultErrors.vaultNotFound(vault, [...context.vaults.keys()]);

  const token = await authenticate(request.headers.authorization, context.issuer);
  const apiVersion = url.searchParams.get("api-version");
  if (apiVersion === null || !API_VERSIONS.has(apiVersion)) throw keyVaultErrors.badApiVersion(apiVersion, LATEST_API_VERSION);

  const path = normalizePath(url.pathname);
  const { operation, params } = route(request.method ?? "GET", path);
  authorize(context.directory, token, operation, vault, params.name);
  const body = parseJson(await readBody(request));
  return operation.handle({ vault, store, baseUrl: `https://${host}`, path, params, query: url.searchParams, body, apiVersion });
}

export function createRequestListener(context: KeyVaultContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const headers = { "x-ms-request-id": randomUUID(), "x-ms-keyvault-service-version": "1.9.0.0", "x-ms-keyvault-region": "eastus" };
    handle(context, request)
      .then((result) => sendJson(response, result.status, result.body, headers))
      .catch((error: unknown) => {
        // Drain what the client sent so the connection can be reused for its retry.
        request.resume();
        const failure =
          error instanceof KeyVaultError
            ? error
            : error instanceof BodyTooLargeError
              ? keyVaultErrors.badParameter(error.message)
              : new KeyVaultError(500, "InternalServerError", `The Key Vault emulator failed: ${(error as Error).message}`);
        const extra: Record<string, string> = failure.status === 401 ? { "www-authenticate": CHALLENGE_HEADER } : {};
        sendJson(response, failure.status, failure.toBody(), { ...headers, ...extra });
      });
  };
}
