// Reference solution for the blob-sas-concurrency lab.
import { BlobSASPermissions, RestError, type BlobClient, type BlockBlobClient } from "@azure/storage-blob";

/** A blob's text together with the ETag of exactly that version. */
export interface VersionedText {
  text: string;
  etag: string;
}

export async function createReadOnlySasUrl(blob: BlobClient, validForMinutes: number): Promise<string> {
  // generateSasUrl signs with the account key the client was built with (a connection string gives one).
  // It is a *service* SAS scoped to this blob (sr=b): it cannot reach sibling blobs or the container.
  return blob.generateSasUrl({
    // "r" only: read content, properties and metadata. No "w", "c", "d": writes get 403.
    permissions: BlobSASPermissions.parse("r"),
    // Always set an expiry: a leaked SAS is valid until then and cannot be revoked short of rotating the key
    // (or using a stored access policy). No startsOn: the SAS works at once, with no clock-skew surprises.
    expiresOn: new Date(Date.now() + validForMinutes * 60_000),
  });
}

export async function readWithETag(blob: BlobClient): Promise<VersionedText> {
  // One GET returns the body and the ETag of the version it read. Calling getProperties() separately would
  // race: the blob could change between the two requests and the ETag would not match the text.
  const response = await blob.download();
  if (!response.readableStreamBody || !response.etag) {
    throw new Error(`Downloading ${blob.name} returned no body or no ETag`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response.readableStreamBody) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return { text: Buffer.concat(chunks).toString("utf8"), etag: response.etag };
}

export async function updateIfUnchanged(blob: BlockBlobClient, text: string, etag: string): Promise<string> {
  const body = Buffer.from(text, "utf8");
  // ifMatch makes the service compare ETags atomically with the write: if anyone wrote since we read,
  // the upload fails with 412 ConditionNotMet instead of silently overwriting their change (last writer wins).
  const response = await blob.upload(body, body.byteLength, { conditions: { ifMatch: etag } });
  if (!response.etag) throw new Error(`Uploading ${blob.name} returned no ETag`);
  return response.etag;
}

/** How often appendLine re-reads and retries before giving up; each retry means another writer succeeded. */
const MAX_APPEND_ATTEMPTS = 20;

export async function appendLine(blob: BlockBlobClient, line: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
    const current = await readWithETag(blob);
    try {
      await updateIfUnchanged(blob, `${current.text}${line}\n`, current.etag);
      return;
    } catch (error) {
      // 412: someone else appended between our read and our write. Their write is safe; re-read and retry.
      // Anything else (403, 404, network) is not a conflict, so do not hide it behind retries.
      if (!(error instanceof RestError) || error.statusCode !== 412) throw error;
    }
  }
  throw new Error(`appendLine gave up after ${MAX_APPEND_ATTEMPTS} conflicting writes to ${blob.name}`);
}

export async function replaceUnderLease(
  blob: BlockBlobClient,
  transform: (current: string) => string | Promise<string>,
): Promise<void> {
  const lease = blob.getBlobLeaseClient();
  // A fixed lease of 15 to 60 seconds (or -1 for infinite). Prefer a short one: if this process dies, the
  // blob unlocks by itself when the lease expires instead of staying locked until someone breaks it.
  const { leaseId } = await lease.acquireLease(15);
  if (!leaseId) throw new Error(`Acquiring a lease on ${blob.name} returned no lease ID`);
  try {
    const current = await blob.downloadToBuffer(0, undefined, { conditions: { leaseId } });
    const next = Buffer.from(await transform(current.toString("utf8")), "utf8");
    // While leased, every write must carry the lease ID, ours included (else 412 LeaseIdMissing).
    await blob.upload(next, next.byteLength, { conditions: { leaseId } });
  } finally {
    // Release in finally: a failed transform must not leave the blob locked for the rest of the lease.
    await lease.releaseLease();
  }
}
