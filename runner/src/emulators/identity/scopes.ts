// Azure resource ids for the emulated resources, and role-assignment scopes over them. A scope covers a
// resource when it is the resource id itself or one of its ancestors, as in Azure RBAC.
import { z } from "zod";

/** Fixed, recognisable ids: every emulated resource lives in one fake subscription and resource group. */
export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000a21a";
export const RESOURCE_GROUP = "azlab";

const SUBSCRIPTION = `/subscriptions/${SUBSCRIPTION_ID}`;
const GROUP = `${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}`;

export function vaultResourceId(vault: string, secret?: string): string {
  const id = `${GROUP}/providers/Microsoft.KeyVault/vaults/${vault}`;
  return secret === undefined ? id : `${id}/secrets/${secret}`;
}

export function storageAccountResourceId(account: string, container?: string): string {
  const id = `${GROUP}/providers/Microsoft.Storage/storageAccounts/${account}`;
  return container === undefined ? id : `${id}/blobServices/default/containers/${container}`;
}

/** The app a lab's code runs as: what its system-assigned identity belongs to. */
export const APP_RESOURCE_ID = `${GROUP}/providers/Microsoft.Web/sites/azlab-app`;

export function userAssignedIdentityResourceId(name: string): string {
  return `${GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
}

const SHORT_FORMS = "'/' (everything), 'vaults/<vault>[/secrets/<name>]', 'storageAccounts/<account>[/containers/<name>]' or a full Azure resource id";

/**
 * Accepts a full resource id or a short form and returns the full id. Throws an Error saying which forms
 * work when the scope is not understood.
 */
export function normalizeScope(scope: string): string {
  const trimmed = scope.trim().replace(/\/+$/, "");
  if (trimmed === "") return SUBSCRIPTION;
  if (/^\/subscriptions\//i.test(trimmed)) return trimmed;
  const parts = trimmed.replace(/^\/+/, "").split("/");
  const [kind, name, child, childName, ...rest] = parts;
  if (rest.length === 0 && name) {
    if (/^vaults$/i.test(kind ?? "") && (child === undefined || (/^secrets$/i.test(child) && childName))) {
      return vaultResourceId(name, childName);
    }
    if (/^storageAccounts$/i.test(kind ?? "") && (child === undefined || (/^containers$/i.test(child) && childName))) {
      return storageAccountResourceId(name, childName);
    }
  }
  throw new Error(`Role assignment scope ${JSON.stringify(scope)} is not understood. Use ${SHORT_FORMS}.`);
}

export const ScopeSchema = z.string().transform((scope, context) => {
  try {
    return normalizeScope(scope);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

export function scopeCovers(scope: string, resourceId: string): boolean {
  const a = scope.toLowerCase();
  const b = resourceId.toLowerCase();
  return b === a || b.startsWith(`${a}/`);
}
