// Checks Shared Access Signature tokens the way Service Bus does: the HMAC-SHA256 of "<url-encoded resource>\n<expiry>"
// with the named key, an expiry in the future, and a resource that covers the audience asked for.
// Format: https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas#generate-a-shared-access-signature-token
import { createHmac, timingSafeEqual } from "node:crypto";

export interface SasKey {
  name: string;
  key: string;
}

export type SasCheck = { ok: true; resource: string; expiresAt: number } | { ok: false; reason: string };

export function verifySasToken(token: string, keys: SasKey[], now: number): SasCheck {
  const prefix = "SharedAccessSignature ";
  if (!token.startsWith(prefix)) return { ok: false, reason: "The token is not a SharedAccessSignature." };
  const fields = new Map<string, string>();
  for (const part of token.slice(prefix.length).split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const sr = fields.get("sr");
  const sig = fields.get("sig");
  const se = fields.get("se");
  const skn = fields.get("skn");
  if (!sr || !sig || !se || !skn) return { ok: false, reason: "The token is missing one of sr, sig, se, skn." };
  const key = keys.find((k) => k.name === skn);
  if (!key) return { ok: false, reason: `The SAS key name '${skn}' is not configured on this namespace.` };
  const expected = createHmac("sha256", key.key).update(`${sr}\n${se}`).digest();
  const given = Buffer.from(decodeURIComponent(sig), "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "InvalidSignature: The token has an invalid signature." };
  }
  const expiresAt = Number(se) * 1000;
  if (!Number.isFinite(expiresAt) || expiresAt <= now) {
    return { ok: false, reason: `ExpiredToken: The token is expired. Expiration time: '${new Date(expiresAt).toISOString()}'.` };
  }
  return { ok: true, resource: decodeURIComponent(sr), expiresAt };
}

/** The entity path an audience or resource names ("sb://host:port/a/b" -> "a/b"), lower-cased, without slashes at the ends. */
export function audiencePath(audience: string): string {
  const withoutScheme = audience.replace(/^[a-z]+:\/\//i, "");
  const slash = withoutScheme.indexOf("/");
  const path = slash < 0 ? "" : withoutScheme.slice(slash + 1);
  return path.replace(/^\/+|\/+$/g, "").toLowerCase();
}

/** True when a token issued for `resource` may be used for `path` (same path or a parent of it). */
export function covers(resourcePath: string, path: string): boolean {
  return resourcePath === "" || path === resourcePath || path.startsWith(`${resourcePath}/`);
}
