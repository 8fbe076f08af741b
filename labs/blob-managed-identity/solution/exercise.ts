// Reference solution for the blob-managed-identity lab.
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from "@azure/identity";
import { BlobSASPermissions, BlobServiceClient, RestError, SASProtocol, generateBlobSASQueryParameters } from "@azure/storage-blob";

/** Thrown when the identity holds no role that allows the operation on the storage account. */
export class AccessDeniedError extends Error {
  override readonly name = "AccessDeniedError";
  readonly statusCode = 403;
  constructor(
    readonly accountName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function createBlobServiceClient(accountName: string, managedIdentityClientId?: string): BlobServiceClient {
  // No account key and no connection string: the credential gets Entra ID tokens for https://storage.azure.com.
  // A user-assigned identity is picked by client id with ManagedIdentityCredential: with AZURE_TOKEN_CREDENTIALS
  // set to ManagedIdentityCredential, @azure/identity 4.13 ignores DefaultAzureCredential's options, so
  // `new DefaultAzureCredential({ managedIdentityClientId })` would silently sign in as the system identity.
  const credential: TokenCredential = managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: managedIdentityClientId })
    : new DefaultAzureCredential();
  return new BlobServiceClient(`https://${accountName}.blob.core.windows.net`, credential);
}

export async function uploadFile(
  service: BlobServiceClient,
  containerName: string,
  blobName: string,
  data: Buffer,
  contentType: string,
): Promise<string> {
  try {
    const container = service.getContainerClient(containerName);
    await container.createIfNotExists();
    const { blockBlobClient } = await container.uploadBlockBlob(blobName, data, data.length, {
      blobHTTPHeaders: { blobContentType: contentType },
    });
    return blockBlobClient.url;
  } catch (error) {
    // With Entra ID auth, a missing data role is 403 AuthorizationPermissionMismatch (a bad SAS or key would
    // be AuthenticationFailed / AuthorizationFailure instead): only that one means "assign a role".
    if (error instanceof RestError && error.statusCode === 403 && error.code === "AuthorizationPermissionMismatch") {
      throw new AccessDeniedError(
        service.accountName,
        `The app's identity may not write blobs in storage account ${service.accountName} (403 AuthorizationPermissionMismatch). ` +
          `Assign it the "Storage Blob Data Contributor" role on the account or the container.`,
        { cause: error },
      );
    }
    throw error;
  }
}

export async function createReadOnlySasUrl(
  service: BlobServiceClient,
  containerName: string,
  blobName: string,
  validForMinutes: number,
): Promise<string> {
  // Start a few minutes in the past: clocks differ between machines, and a SAS that starts "in the future"
  // for the storage service is refused.
  const startsOn = new Date(Date.now() - 5 * 60_000);
  const expiresOn = new Date(Date.now() + validForMinutes * 60_000);
  // The delegation key is obtained with the identity's token (it needs generateUserDelegationKey, which every
  // Storage Blob Data role includes) and is valid for at most 7 days; no account key is involved.
  const key = await service.getUserDelegationKey(startsOn, expiresOn);
  const sas = generateBlobSASQueryParameters(
    {
      containerName,
      blobName, // scoped to this one blob: the signature covers its path
      permissions: BlobSASPermissions.parse("r"), // read only: least privilege for whoever holds the URL
      startsOn,
      expiresOn,
      protocol: SASProtocol.Https,
    },
    key,
    service.accountName,
  );
  return `${service.getContainerClient(containerName).getBlobClient(blobName).url}?${sas.toString()}`;
}
