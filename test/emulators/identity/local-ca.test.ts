// The local CA: created once and reused (also by processes starting at the same time), and the leaf
// certificate it issues covers the Azure host names and chains to it.
import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_HOSTS } from "../../../runner/src/emulators/identity-keyvault.js";
import { loadOrCreateCertificateAuthority } from "../../../runner/src/emulators/tls/ca-store.js";
import { issueServerCertificate } from "../../../runner/src/emulators/tls/certificates.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "azlab-ca-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("local certificate authority", () => {
  it("is created once: concurrent and later loads all get the same CA, and ca.pem holds only its certificate", async () => {
    const loads = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateCertificateAuthority(dir)));
    const again = await loadOrCreateCertificateAuthority(dir);
    const certificates = new Set([...loads, again].map((ca) => ca.certPem));
    expect(certificates.size).toBe(1);
    expect(await readFile(again.certPath, "utf8")).toBe(again.certPem);
    const ca = new X509Certificate(again.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.checkPrivateKey((await import("node:crypto")).createPrivateKey(again.keyPem))).toBe(true);
  });

  it("replaces a corrupt CA file instead of failing", async () => {
    const corruptDir = await mkdtemp(join(tmpdir(), "azlab-ca-corrupt-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(corruptDir, "ca-key.pem"), "not a key");
      const ca = await loadOrCreateCertificateAuthority(corruptDir);
      expect(new X509Certificate(ca.certPem).ca).toBe(true);
    } finally {
      await rm(corruptDir, { recursive: true, force: true });
    }
  });

  it("issues a server certificate for the Azure host names that verifies against the CA", async () => {
    const ca = await loadOrCreateCertificateAuthority(dir);
    const leaf = new X509Certificate(issueServerCertificate(ca, CERTIFICATE_HOSTS).certPem);
    const authority = new X509Certificate(ca.certPem);
    expect(leaf.checkIssued(authority)).toBe(true);
    expect(leaf.verify(authority.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    for (const host of ["myvault.vault.azure.net", "mystorage.blob.core.windows.net", "mystorage.queue.core.windows.net", "localhost"]) {
      expect(leaf.checkHost(host), host).toBeDefined();
    }
    expect(leaf.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(leaf.checkHost("example.com")).toBeUndefined();
  });
});
