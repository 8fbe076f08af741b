// Key Vault list paging: `maxresults` (1 to 25, default 25) and an absolute `nextLink` carrying an opaque
// `$skiptoken`, which the SDK follows as given.
import { keyVaultErrors } from "./errors.js";

export const MAX_PAGE_SIZE = 25;

export interface PageRequest {
  baseUrl: string;
  /** Path of the list operation, e.g. `/secrets` or `/secrets/name/versions`. */
  path: string;
  query: URLSearchParams;
  apiVersion: string;
}

function readOffset(token: string | null): number {
  if (token === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw keyVaultErrors.badParameter("The $skiptoken is not valid: take nextLink from the previous page as it is.");
  return Number(match[1]);
}

export function page<T>(items: T[], request: PageRequest): { value: T[]; nextLink: string | null } {
  const raw = request.query.get("maxresults");
  const size = raw === null || raw === "" ? MAX_PAGE_SIZE : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw keyVaultErrors.badParameter(`invalid maxresults ${raw}: it must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const offset = readOffset(request.query.get("$skiptoken"));
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value, nextLink: null };
  const next = new URLSearchParams({
    "api-version": request.apiVersion,
    $skiptoken: Buffer.from(`offset:${offset + size}`).toString("base64url"),
    maxresults: String(size),
  });
  return { value, nextLink: `${request.baseUrl}${request.path}?${next.toString()}` };
}
