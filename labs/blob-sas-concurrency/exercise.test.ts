// Tests for the blob-sas-concurrency lab. They play the "other party": a holder of your SAS URL, a second
// writer racing you, a client trying to write while you hold a lease.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobServiceClient, BlockBlobClient, type ContainerClient } from "@azure/storage-blob";
import { appendLine, createReadOnlySasUrl, readWithETag, replaceUnderLease, updateIfUnchanged } from "./exercise.js";

const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
  throw new Error(
    "AZURE_STORAGE_CONNECTION_STRING is not set. Run `npm test` in this lab's folder (it starts Azurite for you), " +
      "or export the connection string printed by `npx azlab emulators`.",
  );
}
const service = BlobServiceClient.fromConnectionString(connectionString);
let container: ContainerClient;

beforeAll(async () => {
  container = service.getContainerClient(`sas-concurrency-${randomUUID().slice(0, 8)}`);
  await container.create();
});

afterAll(async () => {
  await container?.deleteIfExists();
});

/** A new block blob with a unique name and the given text, written by the test (not by your code). */
async function blobWith(text: string): Promise<BlockBlobClient> {
  const blob = container.getBlockBlobClient(`doc-${randomUUID().slice(0, 8)}.txt`);
  await blob.upload(text, Buffer.byteLength(text));
  return blob;
}

async function textOf(blob: BlockBlobClient): Promise<string> {
  return (await blob.downloadToBuffer()).toString("utf8");
}

describe("1. Create a read-only SAS", () => {
  it("lets a client with only the SAS URL read the blob, but not write or delete it", async () => {
    const blob = await blobWith("quarterly report");
    const sasUrl = await createReadOnlySasUrl(blob, 10);
    expect(sasUrl.startsWith(`${blob.url}?`)).toBe(true);

    // A fresh client with no key: everything it may do comes from the SAS token in the URL.
    const holder = new BlockBlobClient(sasUrl);
    expect((await holder.downloadToBuffer()).toString("utf8")).toBe("quarterly report");
    await expect(holder.upload("tampered", 8)).rejects.toMatchObject({ statusCode: 403 });
    await expect(holder.delete()).rejects.toMatchObject({ statusCode: 403 });
    expect(await textOf(blob)).toBe("quarterly report");
  });

  it("is scoped to this one blob, with read permission only, and expires when asked", async () => {
    const blob = await blobWith("one blob");
    const sibling = await blobWith("another blob");
    const before = Date.now();
    const sasUrl = await createReadOnlySasUrl(blob, 30);
    const query = new URL(sasUrl).searchParams;

    expect(query.get("sp"), "signed permissions").toBe("r");
    expect(query.get("sr"), "signed resource: b = one blob").toBe("b");
    const expiry = Date.parse(query.get("se") ?? "");
    expect(expiry, "signed expiry").toBeGreaterThanOrEqual(before + 29 * 60_000);
    expect(expiry, "signed expiry").toBeLessThanOrEqual(Date.now() + 31 * 60_000);

    // The same token on another blob's URL: the signature covers the blob name, so the service refuses.
    const stolen = new BlockBlobClient(`${sibling.url}?${query.toString()}`);
    await expect(stolen.downloadToBuffer()).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe("2. Update only if unchanged (ETags)", () => {
  it("reads text with its ETag and writes when the ETag still matches", async () => {
    const blob = await blobWith("draft 1");
    const read = await readWithETag(blob);
    expect(read.text).toBe("draft 1");
    expect(read.etag).toBe((await blob.getProperties()).etag);

    const newEtag = await updateIfUnchanged(blob, "draft 2", read.etag);
    expect(await textOf(blob)).toBe("draft 2");
    expect(newEtag).not.toBe(read.etag);
    expect(newEtag).toBe((await blob.getProperties()).etag);
  });

  it("refuses with 412 when someone else wrote since the ETag was read", async () => {
    const blob = await blobWith("price: 10");
    const staleEtag = (await blob.getProperties()).etag!;
    await blob.upload("price: 12", 9); // another writer gets there first

    await expect(updateIfUnchanged(blob, "price: 11", staleEtag)).rejects.toMatchObject({ statusCode: 412 });
    expect(await textOf(blob)).toBe("price: 12");
  });
});

describe("3. Retry on conflict", () => {
  it("loses no line when eight writers append at the same time", async () => {
    const blob = await blobWith("header\n");
    const lines = Array.from({ length: 8 }, (_, i) => `event-${i}`);
    await Promise.all(lines.map((line) => appendLine(blob, line)));

    const written = (await textOf(blob)).split("\n").filter((line) => line !== "");
    expect(written[0]).toBe("header");
    expect(written.slice(1).sort()).toEqual(lines);
  });
});

describe("4. Lock with a lease", () => {
  it("holds a lease while transforming, writes the result and releases the lease", async () => {
    const blob = await blobWith("counter=1");
    let writeWithoutLease: unknown;

    await replaceUnderLease(blob, async (current) => {
      // While your code holds the lease, a writer without the lease ID must be turned away (412).
      writeWithoutLease = await blob.upload("intruder", 8).then(
        () => "succeeded",
        (error: unknown) => error,
      );
      return current.replace("counter=1", "counter=2");
    });

    expect(writeWithoutLease, "a write without the lease ID during the transform").toMatchObject({ statusCode: 412 });
    expect(await textOf(blob)).toBe("counter=2");
    expect((await blob.getProperties()).leaseState).toBe("available");
  });

  it("releases the lease and keeps the content when the transform throws", async () => {
    const blob = await blobWith("balance=100");

    await expect(
      replaceUnderLease(blob, () => {
        throw new Error("validation failed");
      }),
    ).rejects.toThrow("validation failed");

    expect(await textOf(blob)).toBe("balance=100");
    expect((await blob.getProperties()).leaseState).toBe("available");
  });

  it("fails with 409 without transforming when another client holds the lease", async () => {
    const blob = await blobWith("owner=ops");
    const otherLease = blob.getBlobLeaseClient();
    await otherLease.acquireLease(15);
    let transformed = false;
    try {
      await expect(
        replaceUnderLease(blob, (current) => {
          transformed = true;
          return current;
        }),
      ).rejects.toMatchObject({ statusCode: 409 });
      expect(transformed, "transform ran without the lease").toBe(false);
    } finally {
      await otherLease.releaseLease();
    }
    expect(await textOf(blob)).toBe("owner=ops");
  });
});
