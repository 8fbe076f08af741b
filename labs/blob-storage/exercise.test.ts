// Tests for the blob-storage lab. Each test checks the result through its own SDK client, not through your code.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import {
  addMetadata,
  createContainer,
  deleteBlob,
  downloadText,
  listBlobNames,
  readProperties,
  uploadStream,
  uploadText,
} from "./exercise.js";

const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
  throw new Error(
    "AZURE_STORAGE_CONNECTION_STRING is not set. Run `npm test` in this lab's folder (it starts Azurite for you), " +
      "or export the connection string printed by `npx azlab emulators`.",
  );
}
const service = BlobServiceClient.fromConnectionString(connectionString);
const createdContainers: string[] = [];

/** A container name nobody else uses, so tests can run in parallel against one account. */
function uniqueName(label: string): string {
  const name = `${label}-${randomUUID().slice(0, 8)}`;
  createdContainers.push(name);
  return name;
}

/** A fresh container created by the test itself, for tasks that do not create one. */
async function freshContainer(label: string): Promise<ContainerClient> {
  const container = service.getContainerClient(uniqueName(label));
  await container.create();
  return container;
}

afterAll(async () => {
  await Promise.all(createdContainers.map((name) => service.getContainerClient(name).deleteIfExists()));
});

describe("1. Create the container", () => {
  it("creates the container and succeeds when it already exists", async () => {
    const name = uniqueName("create");
    const container = await createContainer(service, name);
    expect(container.containerName).toBe(name);
    expect(await service.getContainerClient(name).exists()).toBe(true);

    // Running the same code twice (a restart, a second instance) must not fail with 409 ContainerAlreadyExists.
    await expect(createContainer(service, name)).resolves.toBeDefined();
  });
});

describe("2. Upload text and a stream", () => {
  it("uploads text as UTF-8 with a text/plain content type", async () => {
    const container = await freshContainer("upload-text");
    const text = "Héllo, cloud ☁ — ünïcode needs more bytes than characters";
    await uploadText(container, "notes/hello.txt", text);

    const blob = container.getBlobClient("notes/hello.txt");
    const downloaded = (await blob.downloadToBuffer()).toString("utf8");
    expect(downloaded).toBe(text);
    const properties = await blob.getProperties();
    expect(properties.contentType).toBe("text/plain; charset=utf-8");
    expect(properties.contentLength).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("uploads everything a stream produces, with its content type", async () => {
    const container = await freshContainer("upload-stream");
    // 600 chunks of about 1 KiB each: the stream's length is not known up front.
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ row: i, pad: "x".repeat(1000) }) + "\n");
    await uploadStream(container, "exports/rows.jsonl", Readable.from(lines), "application/x-ndjson");

    const blob = container.getBlobClient("exports/rows.jsonl");
    const downloaded = (await blob.downloadToBuffer()).toString("utf8");
    expect(downloaded.length).toBe(lines.join("").length);
    expect(downloaded).toBe(lines.join(""));
    expect((await blob.getProperties()).contentType).toBe("application/x-ndjson");
  });
});

describe("3. List blobs by prefix", () => {
  it("returns only the blobs under the prefix, and [] when none match", async () => {
    const container = await freshContainer("list");
    const names = ["images/logo.png", "reports/2024/feb.csv", "reports/2024/jan.csv", "reports/2025/jan.csv"];
    await Promise.all(names.map((name) => container.getBlockBlobClient(name).upload("x", 1)));

    const listed = await listBlobNames(container, "reports/2024/");
    expect([...listed].sort()).toEqual(["reports/2024/feb.csv", "reports/2024/jan.csv"]);
    expect(await listBlobNames(container, "videos/")).toEqual([]);
  });
});

describe("4. Read properties and add metadata", () => {
  it("reads content type, length and metadata without downloading", async () => {
    const container = await freshContainer("props");
    const body = "id,name\n1,Ada\n";
    await container.getBlockBlobClient("people.csv").upload(body, body.length, {
      blobHTTPHeaders: { blobContentType: "text/csv" },
      metadata: { source: "hr-export" },
    });

    const summary = await readProperties(container, "people.csv");
    expect(summary.contentType).toBe("text/csv");
    expect(summary.contentLength).toBe(body.length);
    expect(summary.metadata).toEqual({ source: "hr-export" });
    expect(summary.lastModified).toBeInstanceOf(Date);
  });

  it("adds metadata while keeping the pairs already on the blob", async () => {
    const container = await freshContainer("metadata");
    const blob = container.getBlockBlobClient("invoice.pdf");
    await blob.upload("%PDF", 4, { metadata: { source: "billing", status: "draft" } });

    await addMetadata(container, "invoice.pdf", { status: "approved", approvedby: "ada" });

    const properties = await blob.getProperties();
    expect(properties.metadata).toEqual({ source: "billing", status: "approved", approvedby: "ada" });
  });
});

describe("5. Download and delete", () => {
  it("downloads a blob's content as text", async () => {
    const container = await freshContainer("download");
    const text = "line one\nline two — with ✓ unicode\n";
    await container.getBlockBlobClient("log.txt").upload(text, Buffer.byteLength(text));

    expect(await downloadText(container, "log.txt")).toBe(text);
  });

  it("deletes a blob with its snapshots, and reports false for a missing blob", async () => {
    const container = await freshContainer("delete");
    const blob = container.getBlockBlobClient("old.txt");
    await blob.upload("v1", 2);
    await blob.createSnapshot(); // a blob with snapshots cannot be deleted on its own

    expect(await deleteBlob(container, "old.txt")).toBe(true);
    expect(await blob.exists()).toBe(false);
    const left: string[] = [];
    for await (const item of container.listBlobsFlat({ includeSnapshots: true })) left.push(item.name);
    expect(left).toEqual([]);

    expect(await deleteBlob(container, "old.txt")).toBe(false);
  });
});
