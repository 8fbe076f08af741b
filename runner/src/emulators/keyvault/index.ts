// Key Vault secrets emulator: one HTTPS server for every vault, in memory, fresh on each start.
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { IdentityDirectory } from "../identity/directory.js";
import type { TokenIssuer } from "../identity/token-issuer.js";
import { loadOrCreateCertificateAuthority } from "../tls/ca-store.js";
import { issueServerCertificate, type KeyAndCertificate } from "../tls/certificates.js";
import { SecretStore } from "./secret-store.js";
import { createRequestListener } from "./server.js";

export { KeyVaultError, keyVaultErrors } from "./errors.js";
export { SecretStore } from "./secret-store.js";
export { KEY_VAULT_RESOURCE } from "./auth.js";

export const DEFAULT_VAULT = "myvault";

export interface KeyVaultOptions {
  /** Vault names (the `<name>` of `https://<name>.vault.azure.net`); the first answers IP/localhost requests. */
  vaults?: string[];
  /** The running identity service whose tokens and role assignments this vault trusts. */
  identity: { directory: IdentityDirectory; issuer: TokenIssuer };
  /** Certificate for `*.vault.azure.net`; made from the CA in `caDir` when absent. */
  tls?: KeyAndCertificate;
  caDir?: string;
  port?: number;
}

export interface RunningKeyVault {
  env: Record<string, string>;
  stop(): Promise<void>;
  /** The HTTPS port on 127.0.0.1 (the proxy sends `<vault>.vault.azure.net` here). */
  port: number;
  vaults: Map<string, SecretStore>;
  addVault(name: string): SecretStore;
}

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

function checkVaultName(name: string): string {
  if (!VAULT_NAME.test(name)) {
    throw new Error(`Vault name ${JSON.stringify(name)} is not valid: use 3-24 letters, digits and hyphens, starting with a letter.`);
  }
  return name.toLowerCase();
}

export async function start(options: KeyVaultOptions): Promise<RunningKeyVault> {
  const names = (options.vaults?.length ? options.vaults : [DEFAULT_VAULT]).map(checkVaultName);
  const vaults = new Map(names.map((name) => [name, new SecretStore()]));
  const tls = options.tls ?? issueServerCertificate(await loadOrCreateCertificateAuthority(options.caDir), ["*.vault.azure.net", "localhost", "127.0.0.1"]);
  const listener = createRequestListener({ vaults, defaultVault: names[0]!, directory: options.identity.directory, issuer: options.identity.issuer });
  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const first = names[0]!;
  return {
    // The names Microsoft's quickstarts read.
    env: { KEY_VAULT_NAME: first, KEY_VAULT_URL: `https://${first}.vault.azure.net` },
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    port,
    vaults,
    addVault(name) {
      const key = checkVaultName(name);
      const store = vaults.get(key) ?? new SecretStore();
      vaults.set(key, store);
      return store;
    },
  };
}

