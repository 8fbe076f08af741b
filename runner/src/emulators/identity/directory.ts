// Who exists (managed identities) and what they may do (role assignments). Changed at run time by the admin
// API or from code; every data-plane request is checked against the current state, so a removed role
// takes effect on the next call (Azure takes minutes; tests should not have to wait).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { RoleNameSchema, ROLE_DEFINITIONS, roleGrants, type RoleName } from "./roles.js";
import { APP_RESOURCE_ID, ScopeSchema, scopeCovers, userAssignedIdentityResourceId } from "./scopes.js";

/** The name of the system-assigned identity every lab has. */
export const SYSTEM_IDENTITY = "system";

export const IdentityConfigSchema = z.object({
  /** `system` for the system-assigned identity, any other name for a user-assigned one. */
  name: z.string().min(1),
  clientId: z.guid().optional(),
  objectId: z.guid().optional(),
});
export type IdentityConfig = z.input<typeof IdentityConfigSchema>;

export const RoleAssignmentConfigSchema = z.object({
  /** Identity name, client id or object (principal) id. */
  principal: z.string().min(1).default(SYSTEM_IDENTITY),
  role: RoleNameSchema,
  /** A resource id or a short form such as `vaults/myvault`; see normalizeScope. */
  scope: ScopeSchema,
});
export type RoleAssignmentConfig = z.input<typeof RoleAssignmentConfigSchema>;

export interface Identity {
  name: string;
  kind: "system" | "user";
  clientId: string;
  /** Also called principal id: the `oid` claim, what role assignments point at. */
  objectId: string;
  /** The `xms_mirid` claim: the identity's own resource id. */
  resourceId: string;
}

export interface RoleAssignment {
  id: string;
  principalId: string;
  principalName: string;
  role: RoleName;
  roleDefinitionId: string;
  scope: string;
}

export interface IdentityLookup {
  clientId?: string;
  objectId?: string;
  resourceId?: string;
}

export class UnknownPrincipalError extends Error {
  constructor(reference: string, known: Identity[]) {
    super(
      `No managed identity matches ${JSON.stringify(reference)}. Known identities: ` +
        known.map((identity) => `${identity.name} (client id ${identity.clientId})`).join(", ") + ".",
    );
  }
}

export class IdentityDirectory {
  readonly #identities: Identity[] = [];
  readonly #assignments = new Map<string, RoleAssignment>();

  constructor(identities: IdentityConfig[] = [], roleAssignments: RoleAssignmentConfig[] = []) {
    this.addIdentity({ name: SYSTEM_IDENTITY, ...identities.find((identity) => identity.name === SYSTEM_IDENTITY) });
    for (const identity of identities) if (identity.name !== SYSTEM_IDENTITY) this.addIdentity(identity);
    for (const assignment of roleAssignments) this.assignRole(assignment);
  }

  get systemIdentity(): Identity {
    return this.#identities[0]!;
  }

  listIdentities(): Identity[] {
    return [...this.#identities];
  }

  addIdentity(config: IdentityConfig): Identity {
    const parsed = IdentityConfigSchema.parse(config);
    if (this.#identities.some((identity) => identity.name.toLowerCase() === parsed.name.toLowerCase())) {
      throw new Error(`A managed identity named ${JSON.stringify(parsed.name)} already exists.`);
    }
    const kind = parsed.name === SYSTEM_IDENTITY ? "system" : "user";
    const identity: Identity = {
      name: parsed.name,
      kind,
      clientId: parsed.clientId ?? randomUUID(),
      objectId: parsed.objectId ?? randomUUID(),
      // A system-assigned identity is named after the resource it belongs to: the lab's app.
      resourceId: kind === "system" ? APP_RESOURCE_ID : userAssignedIdentityResourceId(parsed.name),
    };
    this.#identities.push(identity);
    return identity;
  }

  /** Finds the identity a token request asks for: none of the ids means the system-assigned one. */
  findForTokenRequest(lookup: IdentityLookup): Identity | undefined {
    const { clientId, objectId, resourceId } = lookup;
    if (!clientId && !objectId && !resourceId) return this.systemIdentity;
    return this.#identities.find(
      (identity) =>
        (clientId !== undefined && identity.clientId.toLowerCase() === clientId.toLowerCase()) ||
        (objectId !== undefined && identity.objectId.toLowerCase() === objectId.toLowerCase()) ||
        (resourceId !== undefined && identity.resourceId.toLowerCase() === resourceId.toLowerCase()),
    );
  }

  /** Resolves a principal reference: identity name, client id or object id. */
  resolvePrincipal(reference: string): Identity {
    const wanted = reference.toLowerCase();
    const found = this.#identities.find((identity) =>
      [identity.name, identity.clientId, identity.objectId].some((value) => value.toLowerCase() === wanted),
    );
    if (!found) throw new UnknownPrincipalError(reference, this.#identities);
    return found;
  }

  listRoleAssignments(): RoleAssignment[] {
    return [...this.#assignments.values()];
  }

  assignRole(config: RoleAssignmentConfig): RoleAssignment {
    const parsed = RoleAssignmentConfigSchema.parse(config);
    const principal = this.resolvePrincipal(parsed.principal);
    const existing = this.listRoleAssignments().find(
      (assignment) =>
        assignment.principalId === principal.objectId &&
        assignment.role === parsed.role &&
        assignment.scope.toLowerCase() === parsed.scope.toLowerCase(),
    );
    if (existing) return existing; // Azure answers RoleAssignmentExists; an idempotent grant is kinder to tests
    const assignment: RoleAssignment = {
      id: randomUUID(),
      principalId: principal.objectId,
      principalName: principal.name,
      role: parsed.role,
      roleDefinitionId: ROLE_DEFINITIONS[parsed.role].id,
      scope: parsed.scope,
    };
    this.#assignments.set(assignment.id, assignment);
    return assignment;
  }

  removeRoleAssignment(id: string): boolean {
    return this.#assignments.delete(id);
  }

  /** Removes every assignment matching all given fields; returns how many went. */
  removeRoleAssignments(filter: { principal?: string; role?: string; scope?: string }): number {
    const principalId = filter.principal === undefined ? undefined : this.resolvePrincipal(filter.principal).objectId;
    const role = filter.role === undefined ? undefined : RoleNameSchema.parse(filter.role);
    const scope = filter.scope === undefined ? undefined : ScopeSchema.parse(filter.scope).toLowerCase();
    let removed = 0;
    for (const assignment of this.listRoleAssignments()) {
      if (principalId !== undefined && assignment.principalId !== principalId) continue;
      if (role !== undefined && assignment.role !== role) continue;
      if (scope !== undefined && assignment.scope.toLowerCase() !== scope) continue;
      this.#assignments.delete(assignment.id);
      removed++;
    }
    return removed;
  }

  /** The assignment that lets `principalId` perform `action` on `resourceId`, if any. */
  findGrant(principalId: string, action: string, resourceId: string): RoleAssignment | undefined {
    return this.listRoleAssignments().find(
      (assignment) =>
        assignment.principalId.toLowerCase() === principalId.toLowerCase() &&
        scopeCovers(assignment.scope, resourceId) &&
        roleGrants(assignment.role, action),
    );
  }
}
