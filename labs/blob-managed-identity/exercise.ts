// Blob storage without keys: fill in each TODO, then run `npm test` in this folder.
// No account key, connection string or SAS token appears in this file: the app signs in as its managed
// identity with DefaultAzureCredential, and Azure RBAC decides what that identity may do.
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

/**
 * Task 1. Return a BlobServiceClient for `https://<accountName>.blob.core.windows.net` that signs in without
 * any key: without `managedIdentityClientId`, with `new DefaultAzureCredential()` (the app's system-assigned
 * identity in Azure); with it, with `new ManagedIdentityCredential({ clientId })` (that user-assigned identity).
 */
export function createBlobServiceClient(accountName: string, managedIdentityClientId?: string): BlobServiceClient {
  // TODO: build the account URL and pick the credential (a TokenCredential) from the client id.
  throw new Error("TODO: createBlobServiceClient is not implemented yet");
}

/**
 * Task 2. Create the container if it does not exist, upload `data` as the block blob `blobName` with the
 * given content type (replacing any blob of that name), and return the blob's URL.
 * Task 4. When the service answers 403 with the error code "AuthorizationPermissionMismatch" (the identity has
 * no role that allows it), throw AccessDeniedError with a message that names the storage account and the role
 * to assign ("Storage Blob Data Contributor"). Let every other error through unchanged.
 */
export async function uploadFile(
  service: BlobServiceClient,
  containerName: string,
  blobName: string,
  data: Buffer,
  contentType: string,
): Promise<string> {
  // TODO: get the container client, create it if needed, upload the bytes with their content type.
  // TODO (task 4): catch the SDK's RestError; its `statusCode` and `code` say what went wrong.
  throw new Error("TODO: uploadFile is not implemented yet");
}

/**
 * Task 3. Return the blob's URL followed by a user delegation SAS that grants read only, for this one blob,
 * over HTTPS, until `validForMinutes` from now. Sign it with a user delegation key from the service: no
 * account key exists in this app.
 */
export async function createReadOnlySasUrl(
  service: BlobServiceClient,
  containerName: string,
  blobName: string,
  validForMinutes: number,
): Promise<string> {
  // TODO: get a user delegation key for the validity window, then sign the SAS query parameters with it.
  throw new Error("TODO: createReadOnlySasUrl is not implemented yet");
}
