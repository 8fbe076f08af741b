// Issues the local CA and the leaf certificate the emulators present for Azure hostnames. ECDSA P-256 keys:
// generated in about a millisecond, where RSA 2048 takes hundreds, and accepted by Node's TLS and the SDKs.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import * as der from "./der.js";

export interface KeyAndCertificate {
  /** PEM of the private key (PKCS#8). */
  keyPem: string;
  /** PEM of the certificate. */
  certPem: string;
}

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extendedKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  subjectAltName: "2.5.29.17",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
};

const DAY_MS = 24 * 60 * 60 * 1000;

function name(commonName: string): der.Der {
  return der.sequence(
    der.set(der.sequence(der.objectIdentifier(OID.organization), der.utf8String("azlab"))),
    der.set(der.sequence(der.objectIdentifier(OID.commonName), der.utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: der.Der): der.Der {
  const parts = [der.objectIdentifier(oid)];
  if (critical) parts.push(der.boolean(true));
  parts.push(der.octetString(value));
  return der.sequence(...parts);
}

/** KeyUsage is a named BIT STRING: DER drops trailing zero bits and says how many bits of the byte are unused. */
function keyUsage(byte: number): der.Der {
  let unused = 0;
  while (unused < 7 && ((byte >> unused) & 1) === 0) unused++;
  return der.element(0x03, Buffer.from([unused, byte]));
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash("sha1").update(publicKey.export({ type: "spki", format: "der" })).digest();
}

function subjectAltNames(hosts: string[]): der.Der {
  return der.sequence(
    ...hosts.map((host) => {
      if (isIP(host) === 4) return der.implicitPrimitive(7, Buffer.from(host.split(".").map(Number)));
      return der.implicitPrimitive(2, Buffer.from(host, "ascii")); // dNSName, IA5String
    }),
  );
}

interface CertificateFields {
  subject: string;
  issuer: string;
  subjectKey: KeyObject;
  issuerKey: KeyObject;
  validDays: number;
  extensions: der.Der[];
}

function buildCertificate(fields: CertificateFields): string {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const now = Date.now();
  const algorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)), // v3
    der.integer(serial),
    algorithm,
    name(fields.issuer),
    // Back-dated an hour so a clock a little behind still accepts a certificate issued just now.
    der.sequence(der.time(new Date(now - 60 * 60 * 1000)), der.time(new Date(now + fields.validDays * DAY_MS))),
    name(fields.subject),
    fields.subjectKey.export({ type: "spki", format: "der" }),
    der.explicit(3, der.sequence(...fields.extensions)),
  );
  const signature = sign("sha256", tbs, fields.issuerKey);
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature));
  const base64 = certificate.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync("ec", { namedCurve: "P-256" });
}

/** A self-signed CA, valid ten years, allowed to sign server certificates only (path length 0). */
export function createCertificateAuthority(commonName = "azlab local CA"): KeyAndCertificate {
  const { privateKey, publicKey } = newKeyPair();
  const certPem = buildCertificate({
    subject: commonName,
    issuer: commonName,
    subjectKey: publicKey,
    issuerKey: privateKey,
    validDays: 3650,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence(der.boolean(true), der.integer(0))),
      extension(OID.keyUsage, true, keyUsage(0x86)), // digitalSignature, keyCertSign, cRLSign
      extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(publicKey))),
    ],
  });
  return { keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), certPem };
}

/** A server certificate for `hosts` (DNS names, wildcards like `*.vault.azure.net`, or IPv4 addresses). */
export function issueServerCertificate(ca: KeyAndCertificate, hosts: string[], validDays = 397): KeyAndCertificate {
  const caCert = new X509Certificate(ca.certPem);
  const { privateKey, publicKey } = newKeyPair();
  const certPem = buildCertificate({
    subject: hosts[0] ?? "localhost",
    issuer: commonNameOf(caCert),
    subjectKey: publicKey,
    issuerKey: createPrivateKey(ca.keyPem),
    validDays,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence()),
      extension(OID.keyUsage, true, keyUsage(0x80)), // digitalSignature
      extension(OID.extendedKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth))),
      extension(OID.subjectAltName, false, subjectAltNames(hosts)),
      extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(publicKey))),
      extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicitPrimitive(0, keyIdentifier(caCert.publicKey)))),
    ],
  });
  return { keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), certPem };
}

function commonNameOf(certificate: X509Certificate): string {
  const match = /CN=([^\n]+)/.exec(certificate.subject);
  return match?.[1] ?? "azlab local CA";
}
