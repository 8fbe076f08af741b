// The App Service managed-identity endpoint (api-version 2019-08-01) that @azure/identity's
// ManagedIdentityCredential calls when IDENTITY_ENDPOINT and IDENTITY_HEADER are set.
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IdentityDirectory } from "./directory.js";
import { sendJson } from "./http-json.js";
import type { TokenIssuer } from "./token-issuer.js";

export const TOKEN_PATH = "/msi/token";
const API_VERSION = "2019-08-01";

export interface TokenEndpointContext {
  directory: IdentityDirectory;
  issuer: TokenIssuer;
  identityHeader: string;
  tokenLifetimeSeconds: number;
  stats: { tokensIssued: number };
}

// App Service answers errors as {statusCode, message, correlationId}; msal-node shows `message`.
function fail(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { statusCode: status, message, correlationId: randomUUID() });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function handleTokenRequest(context: TokenEndpointContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  if (request.method !== "GET") return fail(response, 405, `Use GET for ${TOKEN_PATH}.`);
  const header = request.headers["x-identity-header"];
  if (!sameSecret(Array.isArray(header) ? header[0] : header, context.identityHeader)) {
    return fail(response, 401, "Authentication failed: the X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
  }
  const query = url.searchParams;
  if (query.get("api-version") !== API_VERSION) {
    return fail(response, 400, `Unsupported api-version ${JSON.stringify(query.get("api-version"))}: use ${API_VERSION}.`);
  }
  const resource = query.get("resource");
  if (!resource) return fail(response, 400, "The resource query parameter is required (for Key Vault: https://vault.azure.net).");

  const lookup = {
    clientId: query.get("client_id") ?? undefined,
    objectId: query.get("object_id") ?? query.get("principal_id") ?? undefined,
    resourceId: query.get("mi_res_id") ?? query.get("msi_res_id") ?? undefined,
  };
  const identity = context.directory.findForTokenRequest(lookup);
  if (!identity) {
    const asked = Object.entries(lookup).filter(([, value]) => value !== undefined).map(([key, value]) => `${key} ${value}`).join(", ");
    return fail(response, 400, `Unable to load the proper Managed Identity: no identity with ${asked} is assigned to this app.`);
  }
  const issued = await context.issuer.issue(identity, resource, context.tokenLifetimeSeconds);
  context.stats.tokensIssued++;
  sendJson(response, 200, {
    access_token: issued.token,
    expires_on: String(issued.expiresOn),
    resource,
    token_type: "Bearer",
    client_id: identity.clientId,
  });
}
