// Key Vault's side of Entra ID auth: the bearer challenge, token validation against the local issuer's key,
// and the Azure RBAC check of the caller's role assignments.
import type { IdentityDirectory } from "../identity/directory.js";
import { vaultResourceId } from "../identity/scopes.js";
import { TENANT_ID, TokenRejectedError, type TokenIssuer, type VerifiedToken } from "../identity/token-issuer.js";
import { keyVaultErrors } from "./errors.js";
import type { Operation } from "./operation.js";

/** Tokens for Key Vault carry this audience (or Key Vault's application id). */
export const KEY_VAULT_RESOURCE = "https://vault.azure.net";
const KEY_VAULT_AUDIENCES = [KEY_VAULT_RESOURCE, "cfa8b339-82a2-471a-a3c9-0fc0be7a4093"];

/** Sent with every 401: the SDK reads the tenant and the resource to ask a token for from it. */
export const CHALLENGE_HEADER = `Bearer authorization="https://login.microsoftonline.com/${TENANT_ID}", resource="${KEY_VAULT_RESOURCE}"`;

export async function authenticate(authorization: string | undefined, issuer: TokenIssuer): Promise<VerifiedToken> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw keyVaultErrors.missingToken();
  try {
    return await issuer.verify(match[1]!, KEY_VAULT_AUDIENCES);
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    if (error.reason === "audience") throw keyVaultErrors.invalidAudience(error.message);
    if (error.reason === "issuer") throw keyVaultErrors.invalidIssuer(error.message);
    if (error.reason === "signature" && /resolve the key/.test(error.message)) throw keyVaultErrors.unknownSigningKey();
    throw keyVaultErrors.invalidToken(error.message);
  }
}

export function authorize(
  directory: IdentityDirectory,
  token: VerifiedToken,
  operation: Operation,
  vault: string,
  secretName: string | undefined,
): void {
  const resource = vaultResourceId(vault, operation.target === "secret" ? secretName : undefined);
  if (directory.findGrant(token.oid, operation.action, resource)) return;
  const caller = `appid=${token.appid ?? "unknown"};oid=${token.oid};iss=${token.iss ?? ""}`;
  throw keyVaultErrors.forbiddenByRbac(caller, operation.action, resource, vault);
}
