// Built-in Azure role definitions azlab understands, with their real ids and the data actions they grant
// (a subset of each role's permissions: the ones the emulated data planes check).
import { z } from "zod";

export const ROLE_NAMES = [
  "Key Vault Administrator",
  "Key Vault Secrets Officer",
  "Key Vault Secrets User",
  "Key Vault Reader",
  "Storage Blob Data Owner",
  "Storage Blob Data Contributor",
  "Storage Blob Data Reader",
  "Storage Blob Delegator",
] as const;

export const RoleNameSchema = z.enum(ROLE_NAMES, {
  error: (issue) => `Unknown role ${JSON.stringify(issue.input)}. Known roles: ${ROLE_NAMES.join(", ")}.`,
});
export type RoleName = z.infer<typeof RoleNameSchema>;

export interface RoleDefinition {
  /** The role definition id Azure uses for this built-in role. */
  id: string;
  /** Data actions granted; `*` matches any run of characters, as in Azure role definitions. */
  actions: string[];
}

const KV = "Microsoft.KeyVault/vaults";
const BLOB = "Microsoft.Storage/storageAccounts/blobServices";

export const ROLE_DEFINITIONS: Record<RoleName, RoleDefinition> = {
  "Key Vault Administrator": { id: "00482a5a-887f-4fb3-b363-3b7fe8e74483", actions: [`${KV}/*`] },
  "Key Vault Secrets Officer": { id: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", actions: [`${KV}/secrets/*`] },
  "Key Vault Secrets User": {
    id: "4633458b-17de-408a-b874-0445c86b69e6",
    actions: [`${KV}/secrets/getSecret/action`, `${KV}/secrets/readMetadata/action`],
  },
  "Key Vault Reader": {
    id: "21090545-7ca7-4776-b22c-e363652d74d2",
    actions: [`${KV}/*/read`, `${KV}/secrets/readMetadata/action`],
  },
  "Storage Blob Data Owner": {
    id: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    actions: [`${BLOB}/containers/*`, `${BLOB}/generateUserDelegationKey/action`],
  },
  "Storage Blob Data Contributor": {
    id: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    actions: [
      `${BLOB}/containers/read`,
      `${BLOB}/containers/write`,
      `${BLOB}/containers/delete`,
      `${BLOB}/containers/blobs/read`,
      `${BLOB}/containers/blobs/write`,
      `${BLOB}/containers/blobs/delete`,
      `${BLOB}/containers/blobs/add/action`,
      `${BLOB}/containers/blobs/move/action`,
      `${BLOB}/generateUserDelegationKey/action`,
    ],
  },
  "Storage Blob Data Reader": {
    id: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    actions: [`${BLOB}/containers/read`, `${BLOB}/containers/blobs/read`, `${BLOB}/generateUserDelegationKey/action`],
  },
  "Storage Blob Delegator": {
    id: "db58b8e5-c6ad-4a2a-8342-4190687cbf4a",
    actions: [`${BLOB}/generateUserDelegationKey/action`],
  },
};

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`, "i");
}

export function roleGrants(role: RoleName, action: string): boolean {
  return ROLE_DEFINITIONS[role].actions.some((pattern) => wildcardToRegExp(pattern).test(action));
}
