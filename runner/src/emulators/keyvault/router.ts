// Finds the operation for a method and path; a known path with another method is 405, anything else 404.
import { keyVaultErrors } from "./errors.js";
import { deletedSecretOperations } from "./handlers/deleted-secrets.js";
import { secretOperations } from "./handlers/secrets.js";
import type { Operation } from "./operation.js";

const OPERATIONS: Operation[] = [...secretOperations, ...deletedSecretOperations];

export interface RouteMatch {
  operation: Operation;
  params: { name?: string; version?: string };
}

/** Collapses repeated slashes and drops a trailing one (the SDK asks `/secrets/<name>/` for "latest"). */
export function normalizePath(rawPath: string): string {
  return rawPath.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
}

export function route(method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const operation of OPERATIONS) {
    const match = operation.path.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (operation.method !== method) continue;
    const groups = match.groups ?? {};
    return {
      operation,
      params: {
        name: groups.name === undefined ? undefined : decodeURIComponent(groups.name),
        version: groups.version ? decodeURIComponent(groups.version) : undefined,
      },
    };
  }
  throw pathKnown ? keyVaultErrors.methodNotAllowed(method) : keyVaultErrors.routeNotFound(method, path);
}
