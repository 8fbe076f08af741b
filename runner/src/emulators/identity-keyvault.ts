// The keyless cloud, offline: a managed-identity token service, the Key Vault emulator, an HTTPS Azurite
// accepting bearer tokens, and the proxy that gives them their real host names. With the returned `env`
// in a child process, production code runs unmodified:
//   new SecretClient("https://myvault.vault.azure.net/", new DefaultAzureCredential())
//   new BlobServiceClient("https://mystorage.blob.core.windows.net", new DefaultAzureCredential())
import { z } from "zod";
import { CloudLabConfigSchema } from "./cloud-lab-config.js";
import { start as startIdentity, type RoleAssignmentConfig, type RunningIdentity } from "./identity/index.js";
import { DEFAULT_VAULT, start as startKeyVault, type RunningKeyVault } from "./keyvault/index.js";
import { startOAuthAzurite, type OAuthAzurite } from "./proxy/azurite-oauth.js";
import { startBlobRbacGateway } from "./proxy/blob-rbac-gateway.js";
import { startConnectProxy, type RunningProxy } from "./proxy/connect-proxy.js";
import { DEFAULT_CA_DIR, loadOrCreateCertificateAuthority } from "./tls/ca-store.js";
import { issueServerCertificate } from "./tls/certificates.js";
import type { RunningEmulator } from "./types.js";

export { explainCloudEnvProblem, type CloudEnvHint } from "./proxy/explain-env-problem.js";
export { CloudLabConfigSchema, type CloudLabConfig } from "./cloud-lab-config.js";

export const DEFAULT_STORAGE_ACCOUNT = "mystorage";

/** Every host name the leaf certificate covers. */
export const CERTIFICATE_HOSTS = ["*.vault.azure.net", "*.blob.core.windows.net", "*.queue.core.windows.net", "localhost", "127.0.0.1"];

export type CloudOptions = z.input<typeof CloudLabConfigSchema> & {
  /** Where the local CA (and the token signing key) are kept; default `<repo>/.azlab/ca`. */
  caDir?: string;
  /** Let the proxy tunnel other hosts to the internet (azlab emulators); off while grading. */
  passThrough?: boolean;
};

export interface RunningCloud extends RunningEmulator {
  identity: RunningIdentity;
  keyVault: RunningKeyVault;
  proxy: RunningProxy;
  caCertPath: string;
  /** Starts (on first call) and returns the HTTPS Azurite port; the proxy calls it on the first blob request. */
  blobPort(): Promise<number>;
}

export function defaultRoleAssignments(vaults: string[], accounts: string[]): RoleAssignmentConfig[] {
  return [
    ...vaults.map((vault) => ({ principal: "system", role: "Key Vault Secrets Officer" as const, scope: `vaults/${vault}` })),
    ...accounts.map((account) => ({ principal: "system", role: "Storage Blob Data Contributor" as const, scope: `storageAccounts/${account}` })),
  ];
}

export async function start(rawOptions: CloudOptions = {}): Promise<RunningCloud> {
  const { caDir = DEFAULT_CA_DIR, passThrough, ...config } = rawOptions;
  const options = CloudLabConfigSchema.parse(config);
  const vaults = options.vaults?.length ? options.vaults : [DEFAULT_VAULT];
  const accounts = (options.storageAccounts?.length ? options.storageAccounts : [DEFAULT_STORAGE_ACCOUNT]).map((name) => name.toLowerCase());
  const ca = await loadOrCreateCertificateAuthority(caDir);
  const tls = issueServerCertificate(ca, CERTIFICATE_HOSTS);

  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    const results = await Promise.allSettled(stoppers.reverse().map((stop) => stop()));
    stoppers.length = 0;
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
  };
  try {
    const identity = await startIdentity({
      identities: options.identities,
      roleAssignments: options.roleAssignments ?? defaultRoleAssignments(vaults, accounts),
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      keyDir: caDir,
    });
    stoppers.push(identity.stop);
    const keyVault = await startKeyVault({ vaults, identity, tls });
    stoppers.push(keyVault.stop);

    // Azurite costs about half a second to load: only pay it when a blob host is first used.
    let azurite: Promise<OAuthAzurite> | undefined;
    const blobPort = async (): Promise<number> => {
      if (!azurite) {
        azurite = startOAuthAzurite({ accounts, tls });
        stoppers.push(async () => (await azurite!).stop());
      }
      return (await azurite).port;
    };
    // Blob requests pass an RBAC check (roles, token signature) before reaching Azurite.
    const blobGateway = await startBlobRbacGateway({ tls, caCertPem: ca.certPem, directory: identity.directory, issuer: identity.issuer, accounts, azuritePort: blobPort });
    stoppers.push(blobGateway.stop);
    const proxy = await startConnectProxy(
      [
        { host: /^[a-z0-9-]+\.vault\.azure\.net$/i, targetPort: async () => keyVault.port },
        { host: /^[a-z0-9-]+\.blob\.core\.windows\.net$/i, targetPort: async () => blobGateway.port },
      ],
      { passThrough: passThrough ?? false },
    );
    stoppers.push(proxy.stop);

    const env: Record<string, string> = {
      ...identity.env,
      HTTPS_PROXY: proxy.url,
      // The token request to IDENTITY_ENDPOINT must not go through the proxy.
      NO_PROXY: "127.0.0.1,localhost",
      NODE_EXTRA_CA_CERTS: ca.certPath,
      // DefaultAzureCredential goes straight to managed identity instead of trying developer tools first.
      // ("prod" rather than "ManagedIdentityCredential": @azure/identity 4.13 ignores DefaultAzureCredential's
      // options, such as managedIdentityClientId, when a single credential is named.)
      AZURE_TOKEN_CREDENTIALS: "prod",
      ...keyVault.env,
      AZURE_STORAGE_ACCOUNT_NAME: accounts[0]!,
    };
    return { env, external: false, stop: stopAll, identity, keyVault, proxy, caCertPath: ca.certPath, blobPort };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
