// Reference solution for the blob-storage lab.
import type { Readable } from "node:stream";
import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";

/** What `readProperties` reports about one blob. */
export interface BlobSummary {
  contentType: string | undefined;
  contentLength: number | undefined;
  metadata: Record<string, string>;
  lastModified: Date | undefined;
}

export async function createContainer(service: BlobServiceClient, name: string): Promise<ContainerClient> {
  const container = service.getContainerClient(name);
  // createIfNotExists swallows the 409 ContainerAlreadyExists, so running the code twice is safe.
  // No `access` option: the container stays private, which is what you want unless you serve public files.
  await container.createIfNotExists();
  return container;
}

export async function uploadText(container: ContainerClient, blobName: string, text: string): Promise<void> {
  const blob = container.getBlockBlobClient(blobName);
  // The length argument is in bytes, not characters: "☁" is one character but three UTF-8 bytes.
  // Passing a Buffer lets the SDK count the bytes for us.
  const body = Buffer.from(text, "utf8");
  await blob.upload(body, body.byteLength, {
    // Without a content type the blob is served as application/octet-stream and browsers download it.
    blobHTTPHeaders: { blobContentType: "text/plain; charset=utf-8" },
  });
}

export async function uploadStream(
  container: ContainerClient,
  blobName: string,
  stream: Readable,
  contentType: string,
): Promise<void> {
  const blob = container.getBlockBlobClient(blobName);
  // uploadStream does not need the length up front: it buffers 4 MiB blocks, uploads up to 5 in parallel,
  // then commits the block list. Memory stays bounded however large the source is.
  await blob.uploadStream(stream, 4 * 1024 * 1024, 5, {
    blobHTTPHeaders: { blobContentType: contentType },
  });
}

export async function listBlobNames(container: ContainerClient, prefix: string): Promise<string[]> {
  const names: string[] = [];
  // The async iterator follows the continuation token for us: a listing returns at most 5,000 blobs a page.
  for await (const item of container.listBlobsFlat({ prefix })) {
    names.push(item.name);
  }
  return names;
}

export async function readProperties(container: ContainerClient, blobName: string): Promise<BlobSummary> {
  // One HEAD request returns system properties and user metadata together; no need to download the body.
  const properties = await container.getBlobClient(blobName).getProperties();
  return {
    contentType: properties.contentType,
    contentLength: properties.contentLength,
    metadata: properties.metadata ?? {},
    lastModified: properties.lastModified,
  };
}

export async function addMetadata(
  container: ContainerClient,
  blobName: string,
  metadata: Record<string, string>,
): Promise<void> {
  const blob = container.getBlobClient(blobName);
  // setMetadata REPLACES every metadata pair on the blob, so read what is there and merge first.
  // (Between the read and the write another writer could change it: the blob-sas-concurrency lab shows how
  // an ETag condition closes that gap.)
  const current = await blob.getProperties();
  await blob.setMetadata({ ...current.metadata, ...metadata });
}

export async function downloadText(container: ContainerClient, blobName: string): Promise<string> {
  // downloadToBuffer fetches in parallel ranges and retries; fine for blobs that fit in memory.
  // For large blobs use download() and pipe `readableStreamBody` to a file instead.
  const buffer = await container.getBlobClient(blobName).downloadToBuffer();
  return buffer.toString("utf8");
}

export async function deleteBlob(container: ContainerClient, blobName: string): Promise<boolean> {
  // A blob that has snapshots cannot be deleted alone (409 SnapshotsPresent): "include" removes them too.
  // deleteIfExists turns the 404 of a missing blob into `succeeded: false` instead of an error.
  const result = await container.getBlobClient(blobName).deleteIfExists({ deleteSnapshots: "include" });
  return result.succeeded;
}
