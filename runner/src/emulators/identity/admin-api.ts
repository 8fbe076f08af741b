// Loopback admin API so tests (in another process) can change identities and role assignments while the
// emulators run, e.g. remove a role and expect the next call to fail with 403.
//   GET    /admin/identities                 list identities
//   POST   /admin/identities                 add a user-assigned identity {name, clientId?, objectId?}
//   GET    /admin/role-assignments           list role assignments
//   POST   /admin/role-assignments           add {principal?, role, scope}
//   DELETE /admin/role-assignments/<id>      remove one
//   DELETE /admin/role-assignments?principal=&role=&scope=   remove every match (answers {removed})
//   POST   /admin/tokens                     mint a token {principal?, resource, lifetimeSeconds?}
//   GET    /admin/stats                      {tokensIssued}
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { IdentityConfig, IdentityDirectory, RoleAssignmentConfig } from "./directory.js";
import { readBody, sendJson } from "./http-json.js";
import type { TokenIssuer } from "./token-issuer.js";

export interface AdminContext {
  directory: IdentityDirectory;
  issuer: TokenIssuer;
  tokenLifetimeSeconds: number;
  stats: { tokensIssued: number };
}

const MintTokenSchema = z.object({
  principal: z.string().min(1).optional(),
  resource: z.string().min(1),
  /** Negative values mint a token that is already expired. */
  lifetimeSeconds: z.number().int().optional(),
});

function badRequest(response: ServerResponse, message: string): void {
  sendJson(response, 400, { error: { code: "BadRequest", message } });
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request)).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

export async function handleAdminRequest(context: AdminContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const { directory, issuer } = context;
  const path = url.pathname.replace(/\/+$/, "");
  try {
    if (path === "/admin/identities" && request.method === "GET") return sendJson(response, 200, directory.listIdentities());
    if (path === "/admin/identities" && request.method === "POST") {
      return sendJson(response, 201, directory.addIdentity((await jsonBody(request)) as IdentityConfig));
    }
    if (path === "/admin/role-assignments" && request.method === "GET") {
      return sendJson(response, 200, directory.listRoleAssignments());
    }
    if (path === "/admin/role-assignments" && request.method === "POST") {
      return sendJson(response, 201, directory.assignRole((await jsonBody(request)) as RoleAssignmentConfig));
    }
    if (path === "/admin/role-assignments" && request.method === "DELETE") {
      const filter = Object.fromEntries(["principal", "role", "scope"].flatMap((key) => {
        const value = url.searchParams.get(key);
        return value === null ? [] : [[key, value]];
      }));
      if (Object.keys(filter).length === 0) return badRequest(response, "Give at least one of principal, role, scope.");
      return sendJson(response, 200, { removed: directory.removeRoleAssignments(filter) });
    }
    const single = /^\/admin\/role-assignments\/([^/]+)$/.exec(path);
    if (single && request.method === "DELETE") {
      const removed = directory.removeRoleAssignment(decodeURIComponent(single[1]!));
      return removed ? sendJson(response, 204, undefined) : sendJson(response, 404, { error: { code: "RoleAssignmentNotFound", message: `No role assignment with id ${single[1]}.` } });
    }
    if (path === "/admin/tokens" && request.method === "POST") {
      const body = MintTokenSchema.parse(await jsonBody(request));
      const identity = body.principal === undefined ? directory.systemIdentity : directory.resolvePrincipal(body.principal);
      const issued = await issuer.issue(identity, body.resource, body.lifetimeSeconds ?? context.tokenLifetimeSeconds);
      return sendJson(response, 200, { access_token: issued.token, expires_on: issued.expiresOn });
    }
    if (path === "/admin/stats" && request.method === "GET") return sendJson(response, 200, context.stats);
    sendJson(response, 404, { error: { code: "NotFound", message: `No admin route ${request.method} ${path}.` } });
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("; ") : (error as Error).message;
    badRequest(response, message);
  }
}
