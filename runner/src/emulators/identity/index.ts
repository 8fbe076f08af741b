// Local managed identity: an App Service style token endpoint, the issuer's public keys, and an admin API
// for identities and role assignments, on one loopback HTTP server.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdminRequest } from "./admin-api.js";
import { IdentityDirectory, type IdentityConfig, type RoleAssignmentConfig } from "./directory.js";
import { sendJson } from "./http-json.js";
import { handleTokenRequest, TOKEN_PATH } from "./token-endpoint.js";
import { TENANT_ID, TokenIssuer } from "./token-issuer.js";

export { IdentityDirectory, SYSTEM_IDENTITY } from "./directory.js";
export type { Identity, IdentityConfig, RoleAssignment, RoleAssignmentConfig } from "./directory.js";
export { ROLE_NAMES, type RoleName } from "./roles.js";
export { normalizeScope, storageAccountResourceId, vaultResourceId } from "./scopes.js";
export { TENANT_ID, TokenIssuer, TokenRejectedError, type VerifiedToken } from "./token-issuer.js";

/** Managed identity tokens live about a day in Azure. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

export interface IdentityOptions {
  /** User-assigned identities (and optionally fixed ids for the system-assigned one, named `system`). */
  identities?: IdentityConfig[];
  roleAssignments?: RoleAssignmentConfig[];
  tokenLifetimeSeconds?: number;
  /** Where the token signing key is kept between runs; without it a new key is made (slower start). */
  keyDir?: string;
  port?: number;
}

export interface RunningIdentity {
  env: Record<string, string>;
  stop(): Promise<void>;
  directory: IdentityDirectory;
  issuer: TokenIssuer;
  /** `http://127.0.0.1:<port>` */
  url: string;
  adminUrl: string;
  stats: { tokensIssued: number };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function start(options: IdentityOptions = {}): Promise<RunningIdentity> {
  const directory = new IdentityDirectory(options.identities, options.roleAssignments);
  const issuer = await TokenIssuer.create({ keyDir: options.keyDir });
  const identityHeader = randomBytes(16).toString("hex");
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const stats = { tokensIssued: 0 };
  const context = { directory, issuer, identityHeader, tokenLifetimeSeconds, stats };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const handle = async (): Promise<void> => {
      if (url.pathname === TOKEN_PATH) return handleTokenRequest(context, request, response, url);
      if (url.pathname.startsWith("/admin/")) return handleAdminRequest(context, request, response, url);
      if (url.pathname === `/${TENANT_ID}/discovery/keys` || url.pathname === "/discovery/keys") return sendJson(response, 200, issuer.jwks);
      if (url.pathname.endsWith("/.well-known/openid-configuration")) {
        return sendJson(response, 200, { issuer: issuer.issuer, jwks_uri: `http://${request.headers.host}/${TENANT_ID}/discovery/keys` });
      }
      sendJson(response, 404, { statusCode: 404, message: `No route ${url.pathname}.` });
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { statusCode: 500, message: (error as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const adminUrl = `${url}/admin`;
  return {
    env: {
      IDENTITY_ENDPOINT: `${url}${TOKEN_PATH}`,
      IDENTITY_HEADER: identityHeader,
      AZLAB_IDENTITY_ADMIN_URL: adminUrl,
    },
    stop: () => closeServer(server),
    directory,
    issuer,
    url,
    adminUrl,
    stats,
  };
}
