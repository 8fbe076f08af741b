// What a keyless lab declares under `cloud` in lab.json: its vaults, storage accounts, identities and role
// assignments. Kept apart from the emulators so the catalog validates it without loading any server code.
import { z } from "zod";
import { IdentityConfigSchema, RoleAssignmentConfigSchema } from "./identity/directory.js";

export const CloudLabConfigSchema = z.object({
  /** Default `["myvault"]`. */
  vaults: z.array(z.string().min(3).max(24)).optional(),
  /** Default `["mystorage"]`. */
  storageAccounts: z.array(z.string().regex(/^[a-z0-9]{3,24}$/, "Storage account names are 3-24 lowercase letters and digits.")).optional(),
  /** User-assigned identities; the system-assigned one (`system`) always exists. */
  identities: z.array(IdentityConfigSchema).optional(),
  /**
   * Default: the system-assigned identity is "Key Vault Secrets Officer" on every vault and
   * "Storage Blob Data Contributor" on every account. A list (even empty) replaces the default.
   */
  roleAssignments: z.array(RoleAssignmentConfigSchema).optional(),
  tokenLifetimeSeconds: z.number().int().positive().optional(),
});

export type CloudLabConfig = z.infer<typeof CloudLabConfigSchema>;
