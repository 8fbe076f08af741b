// Signs access tokens the way Entra ID shapes them for managed identities (RS256, v1 issuer, oid/appid/tid),
// and verifies them for the emulated data planes against the same key.
import { generateKeyPair as generateRsaKeyPair, randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  decodeJwt,
  errors as joseErrors,
  exportJWK,
  importPKCS8,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
} from "jose";
import { createExclusive, readIfExists } from "../tls/key-files.js";
import type { Identity } from "./directory.js";

/** The tenant every azlab token names. Fixed, so error messages and tests are stable. */
export const TENANT_ID = "00000000-0000-0000-0000-0000000a21ab";
export const ISSUER = `https://sts.windows.net/${TENANT_ID}/`;

const KEY_FILE = "token-signing-key.pem";

export interface IssuedToken {
  token: string;
  /** Epoch seconds. */
  expiresOn: number;
}

export type TokenRejection = "malformed" | "signature" | "issuer" | "audience" | "expired" | "not-yet-valid";

export class TokenRejectedError extends Error {
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedToken extends JWTPayload {
  oid: string;
  appid?: string;
  tid?: string;
}

async function generatePrivateKeyPem(): Promise<string> {
  const { privateKey } = await promisify(generateRsaKeyPair)("rsa", { modulusLength: 2048 });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * RSA key generation takes a few hundred milliseconds, so with a `keyDir` the key is created once and
 * reused (like the CA). Without one, each start makes a fresh key.
 */
async function loadSigningKeyPem(keyDir: string | undefined): Promise<string> {
  if (keyDir === undefined) return generatePrivateKeyPem();
  await mkdir(keyDir, { recursive: true });
  const path = join(keyDir, KEY_FILE);
  return (await readIfExists(path)) ?? createExclusive(path, await generatePrivateKeyPem());
}

export class TokenIssuer {
  readonly issuer = ISSUER;
  readonly #keySet: ReturnType<typeof createLocalJWKSet>;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly keyId: string,
    /** The public keys, as Entra ID publishes them at its `discovery/keys` endpoint. */
    readonly jwks: JSONWebKeySet,
  ) {
    this.#keySet = createLocalJWKSet(jwks);
  }

  static async create(options: { keyDir?: string } = {}): Promise<TokenIssuer> {
    const pem = await loadSigningKeyPem(options.keyDir);
    const privateKey = await importPKCS8(pem, "RS256", { extractable: true });
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = await exportJWK(privateKey);
    const keyId = await calculateJwkThumbprint(publicJwk);
    const jwks = { keys: [{ ...publicJwk, kid: keyId, use: "sig", alg: "RS256" }] };
    return new TokenIssuer(privateKey, keyId, jwks);
  }

  async issue(identity: Identity, resource: string, lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)): Promise<IssuedToken> {
    const expiresOn = now + lifetimeSeconds;
    const token = await new SignJWT({
      aud: resource,
      iss: ISSUER,
      iat: now,
      nbf: now,
      exp: expiresOn,
      aio: randomUUID(),
      appid: identity.clientId,
      appidacr: "2",
      idp: ISSUER,
      idtyp: "app",
      oid: identity.objectId,
      sub: identity.objectId,
      tid: TENANT_ID,
      uti: randomUUID().replace(/-/g, ""),
      ver: "1.0",
      xms_mirid: identity.resourceId,
    })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.keyId, x5t: this.keyId })
      .sign(this.privateKey);
    return { token, expiresOn };
  }

  /**
   * Checks signature, issuer, audience and lifetime, with no clock skew allowance so short test lifetimes
   * behave exactly. Throws TokenRejectedError naming what failed.
   */
  async verify(token: string, acceptedAudiences: string[]): Promise<VerifiedToken> {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw new TokenRejectedError("malformed", "The bearer token is not a well-formed JWT.");
    }
    try {
      const { payload } = await jwtVerify(token, this.#keySet, { algorithms: ["RS256"] });
      claims = payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new TokenRejectedError("expired", `The token expired at ${new Date((claims.exp ?? 0) * 1000).toISOString()}.`);
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "nbf") {
        throw new TokenRejectedError("not-yet-valid", "The token is not yet valid (nbf is in the future).");
      }
      if (error instanceof joseErrors.JWKSNoMatchingKey) {
        throw new TokenRejectedError("signature", "Unable to resolve the key used for signature validation.");
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenRejectedError("signature", "The token signature is invalid: it was not signed by the issuer's key.");
      }
      throw new TokenRejectedError("malformed", `The bearer token could not be validated: ${(error as Error).message}`);
    }
    if (claims.iss !== ISSUER) {
      throw new TokenRejectedError("issuer", `Invalid issuer. Expected one of ${ISSUER}, found ${String(claims.iss)}.`);
    }
    const audience = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    if (audience === undefined || !acceptedAudiences.includes(audience)) {
      throw new TokenRejectedError("audience", `Invalid audience. Expected ${acceptedAudiences.join(" or ")}, found: ${String(audience)}.`);
    }
    if (typeof claims.oid !== "string") {
      throw new TokenRejectedError("malformed", "The token has no oid claim, so the caller cannot be identified.");
    }
    return claims as VerifiedToken;
  }
}
