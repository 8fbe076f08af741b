// Blob storage basics: fill in each function, then run `npm test` in this folder.
// Every function receives its client from the caller (dependency injection), so the same code works with a
// connection string against Azurite and with `new DefaultAzureCredential()` against a real account.
import type { Readable } from "node:stream";
import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";

/** What `readProperties` reports about one blob. */
export interface BlobSummary {
  contentType: string | undefined;
  contentLength: number | undefined;
  metadata: Record<string, string>;
  lastModified: Date | undefined;
}

/**
 * Task 1. Create the container `name` if it does not exist yet and return a client for it.
 * Calling it a second time with the same name must succeed too (no 409 error).
 */
export async function createContainer(service: BlobServiceClient, name: string): Promise<ContainerClient> {
  // TODO: get a ContainerClient from `service` and create the container only if it is missing.
  throw new Error("TODO: createContainer is not implemented yet");
}

/**
 * Task 2a. Upload `text` as a block blob named `blobName`, encoded as UTF-8, with the content type
 * `text/plain; charset=utf-8`. Overwrites the blob if it already exists.
 */
export async function uploadText(container: ContainerClient, blobName: string, text: string): Promise<void> {
  // TODO: get a BlockBlobClient and upload the text. Careful: the length the SDK wants is in bytes.
  throw new Error("TODO: uploadText is not implemented yet");
}

/**
 * Task 2b. Upload everything `stream` produces as the block blob `blobName`, with the given content type.
 * The stream's length is not known in advance and it may be larger than memory you want to use.
 */
export async function uploadStream(
  container: ContainerClient,
  blobName: string,
  stream: Readable,
  contentType: string,
): Promise<void> {
  // TODO: use the BlockBlobClient method made for streams, and set the content type header.
  throw new Error("TODO: uploadStream is not implemented yet");
}

/**
 * Task 3. Return the names of every blob whose name starts with `prefix` (e.g. "reports/2024/"),
 * in the order the service lists them. Return an empty array when nothing matches.
 */
export async function listBlobNames(container: ContainerClient, prefix: string): Promise<string[]> {
  // TODO: list the blobs with a prefix filter; remember that listings come back in pages.
  throw new Error("TODO: listBlobNames is not implemented yet");
}

/**
 * Task 4a. Read the blob's properties (without downloading its content) and return its content type,
 * length in bytes, user metadata (an empty object when it has none) and last-modified time.
 */
export async function readProperties(container: ContainerClient, blobName: string): Promise<BlobSummary> {
  // TODO: one call returns both system properties and metadata.
  throw new Error("TODO: readProperties is not implemented yet");
}

/**
 * Task 4b. Add the given metadata pairs to the blob, keeping the pairs it already has
 * (a key given here replaces the old value of that key).
 */
export async function addMetadata(
  container: ContainerClient,
  blobName: string,
  metadata: Record<string, string>,
): Promise<void> {
  // TODO: setting metadata replaces all of it, so start from what is already there.
  throw new Error("TODO: addMetadata is not implemented yet");
}

/** Task 5a. Download the blob and return its content decoded as UTF-8 text. */
export async function downloadText(container: ContainerClient, blobName: string): Promise<string> {
  // TODO: download the blob's content and decode it.
  throw new Error("TODO: downloadText is not implemented yet");
}

/**
 * Task 5b. Delete the blob together with any snapshots it has. Return true if it was deleted,
 * false if it did not exist (no error in that case).
 */
export async function deleteBlob(container: ContainerClient, blobName: string): Promise<boolean> {
  // TODO: delete the blob and its snapshots; a missing blob is not an error.
  throw new Error("TODO: deleteBlob is not implemented yet");
}
