// Azurite's blob service over HTTPS with `--oauth basic`, in-process and in memory, for keyless labs: it
// accepts our bearer tokens (it checks issuer, audience and lifetime) and takes the account from the host
// name `<account>.blob.core.windows.net` that the proxy forwards. The plain-HTTP, connection-string
// Azurite lives in ../azurite.ts.
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { DEV_KEY } from "../azurite.js";
import type { KeyAndCertificate } from "../tls/certificates.js";

const require = createRequire(import.meta.url);

interface BlobServerInstance {
  start(): Promise<void>;
  close(): Promise<void>;
  httpServer: { address(): AddressInfo | string | null };
  accountDataStore: { refresh(): void; accounts: Record<string, { name: string; key1: Buffer }> };
}

interface BlobModules {
  BlobServer: new (config: unknown) => BlobServerInstance;
  BlobConfiguration: new (...args: unknown[]) => { getCert(option: unknown): unknown };
  MemoryExtentChunkStore: new (limit: number) => unknown;
  DEFAULT_EXTENT_MEMORY_LIMIT: number;
}

let modules: BlobModules | undefined;

type UdkSigner = (values: { version?: string }, resource: string, account: string, key: Buffer) => [string, string];

/**
 * @azure/storage-blob 12.32 signs user delegation SAS as service version 2026-04-06, whose string-to-sign
 * has two more lines (signed request headers and query parameters) than the 2025-07-05 layout Azurite
 * 3.35 knows, so every such SAS failed with 403. Azurite supports neither feature, so both lines are empty:
 * insert them and sign again. Process-wide, and only changes answers for versions Azurite got wrong.
 */
function teachAzuriteSasVersion20260406(base: string): void {
  const signatures = require(`${base}/blob/authentication/IBlobSASSignatureValues.js`) as { generateBlobSASSignatureWithUDK: UdkSigner; azlabPatched?: true };
  if (signatures.azlabPatched) return;
  const original = signatures.generateBlobSASSignatureWithUDK;
  signatures.generateBlobSASSignatureWithUDK = (values, resource, account, key) => {
    if ((values.version ?? "") < "2026-04-06") return original(values, resource, account, key);
    const lines = original(values, resource, account, key)[1].split("\n");
    lines.splice(21, 0, "", ""); // after the encryption scope line
    const stringToSign = lines.join("\n");
    return [createHmac("sha256", key).update(stringToSign, "utf8").digest("base64"), stringToSign];
  };
  signatures.azlabPatched = true;
}

/** Only the blob classes (about half a second to load, once per process). Telemetry is never initialised. */
function loadBlobModules(): BlobModules {
  if (modules) return modules;
  const base = "azurite/dist/src";
  const memory = require(`${base}/common/persistence/MemoryExtentStore.js`);
  teachAzuriteSasVersion20260406(base);
  modules = {
    BlobServer: require(`${base}/blob/BlobServer.js`).default,
    BlobConfiguration: require(`${base}/blob/BlobConfiguration.js`).default,
    MemoryExtentChunkStore: memory.MemoryExtentChunkStore,
    DEFAULT_EXTENT_MEMORY_LIMIT: memory.DEFAULT_EXTENT_MEMORY_LIMIT,
  };
  return modules;
}

export interface OAuthAzurite {
  port: number;
  stop(): Promise<void>;
}

export async function startOAuthAzurite(options: { accounts: string[]; tls: KeyAndCertificate }): Promise<OAuthAzurite> {
  const { BlobServer, BlobConfiguration, MemoryExtentChunkStore, DEFAULT_EXTENT_MEMORY_LIMIT } = loadBlobModules();
  // Positional arguments of azurite 3.35's BlobConfiguration: host, port, keepAliveTimeout, metadataDBPath,
  // extentDBPath, persistencePathArray, enableAccessLog, accessLogWriteStream, enableDebugLog,
  // debugLogFilePath, loose, skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl,
  // isMemoryPersistence, memoryStore. The DB paths are names only: in memory nothing is written.
  const config = new BlobConfiguration(
    "127.0.0.1", 0, 5, "azlab-oauth-blob.json", "azlab-oauth-blob-extent.json", [], false, undefined, false, undefined,
    true, // loose: ignore headers Azurite does not know instead of failing the request
    true, // skipApiVersionCheck: the SDK sends a newer service version than Azurite 3.35 knows
    "in-memory", "in-memory", "", // non-empty cert/key select HTTPS; getCert below supplies the PEMs
    "basic", false, true,
    new MemoryExtentChunkStore(DEFAULT_EXTENT_MEMORY_LIMIT), // a store of its own: fresh on each start
  );
  config.getCert = () => ({ cert: options.tls.certPem, key: options.tls.keyPem });
  const server = new BlobServer(config);
  // Accounts come from AZURITE_ACCOUNTS in Azurite; setting it would change this whole process (and the
  // plain Azurite), so this server's account list is set directly.
  const accounts = Object.fromEntries(options.accounts.map((name) => [name, { name, key1: Buffer.from(DEV_KEY, "base64") }]));
  server.accountDataStore.refresh = function refresh() {
    this.accounts = accounts;
  };
  await server.start();
  const address = server.httpServer.address();
  return { port: typeof address === "object" && address ? address.port : 0, stop: () => server.close() };
}
