// Keeps the local CA on disk so it is created once and reused: a child process trusts it through
// NODE_EXTRA_CA_CERTS, read only when Node starts, so the file must exist and stay the same across runs.
import { X509Certificate } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCertificateAuthority, type KeyAndCertificate } from "./certificates.js";
import { createExclusive, readIfExists, replaceAtomically } from "./key-files.js";

/** `<repo>/.azlab/ca`, next to the progress store (ignored by git). */
export const DEFAULT_CA_DIR = fileURLToPath(new URL("../../../../.azlab/ca/", import.meta.url));

export interface StoredCertificateAuthority extends KeyAndCertificate {
  /** PEM file with the CA certificate alone: the value for NODE_EXTRA_CA_CERTS. */
  certPath: string;
}

const KEY_FILE = "ca-key.pem"; // private key and certificate together, so they can never mismatch
const CERT_FILE = "ca.pem";
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

function parseBundle(text: string): KeyAndCertificate | undefined {
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(text)?.[0];
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(text)?.[0];
  if (!keyPem || !certPem) return undefined;
  try {
    const cert = new X509Certificate(certPem);
    if (!cert.ca || Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return undefined;
    return { keyPem, certPem };
  } catch {
    return undefined;
  }
}

/** Loads the CA kept in `dir`, creating it on first use (or when it is unreadable or near expiry). */
export async function loadOrCreateCertificateAuthority(dir = DEFAULT_CA_DIR): Promise<StoredCertificateAuthority> {
  await mkdir(dir, { recursive: true });
  const keyPath = join(dir, KEY_FILE);
  const certPath = join(dir, CERT_FILE);

  let existing = await readIfExists(keyPath);
  if (existing === undefined) {
    const created = createCertificateAuthority();
    existing = await createExclusive(keyPath, created.keyPem + created.certPem);
  }
  let ca = parseBundle(existing);
  if (!ca) {
    ca = createCertificateAuthority();
    await replaceAtomically(keyPath, ca.keyPem + ca.certPem, 0o600);
  }
  if ((await readIfExists(certPath)) !== ca.certPem) await replaceAtomically(certPath, ca.certPem);
  return { ...ca, certPath };
}
