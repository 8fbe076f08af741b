// Shared access signatures and concurrency control: fill in each function, then run `npm test` in this folder.
// The clients are passed in by the caller; the tests build them from a connection string, so they carry the
// account key that a service SAS is signed with.
import { BlobSASPermissions, RestError, type BlobClient, type BlockBlobClient } from "@azure/storage-blob";

/** A blob's text together with the ETag of exactly that version. */
export interface VersionedText {
  text: string;
  etag: string;
}

/**
 * Task 1. Return a URL (blob URL + SAS token) that lets anyone holding it READ this one blob, and nothing
 * else: no write, no delete, no other blob. It must stop working `validForMinutes` minutes from now.
 */
export async function createReadOnlySasUrl(blob: BlobClient, validForMinutes: number): Promise<string> {
  // TODO: generate a service SAS URL with read permission only and an expiry time.
  // `BlobSASPermissions.parse(...)` builds the permissions from letters such as "r", "w", "d".
  throw new Error("TODO: createReadOnlySasUrl is not implemented yet");
}

/**
 * Task 2a. Download the blob and return its UTF-8 text together with the ETag of the version you read.
 * Both must come from the same request, or the ETag may belong to a newer version than the text.
 */
export async function readWithETag(blob: BlobClient): Promise<VersionedText> {
  // TODO: one download gives you both the body stream and the ETag.
  throw new Error("TODO: readWithETag is not implemented yet");
}

/**
 * Task 2b. Replace the blob's content with `text`, but ONLY if the blob still has the ETag `etag`.
 * If someone changed it since, the service must refuse: let its 412 (Precondition Failed) error propagate.
 * Return the new ETag of the blob after your write.
 */
export async function updateIfUnchanged(blob: BlockBlobClient, text: string, etag: string): Promise<string> {
  // TODO: upload with an access condition on the ETag.
  throw new Error("TODO: updateIfUnchanged is not implemented yet");
}

/**
 * Task 3. Append `line` plus "\n" to the blob's text (read, modify, write). Many callers may append to the
 * same blob at the same moment: no line may be lost. When your write hits a conflict (412), read again and
 * retry; let any other error propagate. Give up with an error after a bounded number of attempts.
 */
export async function appendLine(blob: BlockBlobClient, line: string): Promise<void> {
  // TODO: combine readWithETag and updateIfUnchanged in a retry loop.
  // `error instanceof RestError && error.statusCode === 412` recognises a conflict.
  throw new Error("TODO: appendLine is not implemented yet");
}

/**
 * Task 4. Replace the blob's text with `transform(currentText)` while holding a lease, so no other writer can
 * change the blob between your read and your write. Release the lease afterwards, also when `transform`
 * throws (then rethrow its error and leave the content unchanged). If someone else already holds a lease,
 * let the service's 409 (LeaseAlreadyPresent) error propagate.
 */
export async function replaceUnderLease(
  blob: BlockBlobClient,
  transform: (current: string) => string | Promise<string>,
): Promise<void> {
  // TODO: acquire a lease (15 to 60 seconds), read, transform, write with the lease ID, release in `finally`.
  throw new Error("TODO: replaceUnderLease is not implemented yet");
}
