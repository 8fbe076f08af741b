// Azurite in-process: started on free ports, usable through the official SDKs, replaced by an existing
// AZURE_STORAGE_CONNECTION_STRING (docker compose or a real account), and stopped cleanly.
import { createServer } from "node:net";
import { join } from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { QueueServiceClient } from "@azure/storage-queue";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../runner/src/catalog/index.js";
import { startAzurite } from "../../runner/src/emulators/azurite.js";
import { EmulatorPool } from "../../runner/src/emulators/emulator-pool.js";
import { grade } from "../../runner/src/grader/index.js";
import { FIXTURE_LABS } from "../helpers/temp-repo.js";

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe("embedded Azurite", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const stop of cleanup) await stop();
  });

  it("serves blob and queue through the official SDKs on free ports", async () => {
    const azurite = await startAzurite({ connectionString: null });
    cleanup.push(azurite.stop);
    expect(azurite.external).toBe(false);
    const connection = azurite.env.AZURE_STORAGE_CONNECTION_STRING!;
    const container = BlobServiceClient.fromConnectionString(connection).getContainerClient(unique("c"));
    await container.create();
    await container.uploadBlockBlob("hello.txt", "hello", 5);
    expect((await container.getBlobClient("hello.txt").downloadToBuffer()).toString()).toBe("hello");
    const queue = QueueServiceClient.fromConnectionString(connection).getQueueClient(unique("q"));
    await queue.create();
    await queue.sendMessage("ping");
    expect((await queue.receiveMessages()).receivedMessageItems[0]?.messageText).toBe("ping");
  });

  it("frees its ports on stop()", async () => {
    const azurite = await startAzurite({ connectionString: null, services: ["blob"] });
    const port = azurite.ports.blob!;
    await azurite.stop();
    await new Promise<void>((resolve, reject) => {
      const server = createServer().once("error", reject).listen(port, "127.0.0.1", () => server.close(() => resolve()));
    });
  });

  it("starts nothing when AZURE_STORAGE_CONNECTION_STRING is set, and graded tests use that account", async () => {
    const second = await startAzurite({ connectionString: null });
    cleanup.push(second.stop);
    const marker = unique("marker");
    await BlobServiceClient.fromConnectionString(second.env.AZURE_STORAGE_CONNECTION_STRING!).getContainerClient(marker).create();

    process.env.AZURE_STORAGE_CONNECTION_STRING = second.env.AZURE_STORAGE_CONNECTION_STRING;
    const pool = new EmulatorPool();
    try {
      const reused = await startAzurite();
      expect(reused).toMatchObject({ external: true, env: { AZURE_STORAGE_CONNECTION_STRING: second.env.AZURE_STORAGE_CONNECTION_STRING } });
      // The probe lab declares blob: the grader hands the tests the existing account, where the marker is.
      const lab = { ...(await loadCatalog(FIXTURE_LABS)).get("probe")!, services: ["blob" as const] };
      const report = await grade({
        lab,
        emulators: pool,
        typeCheck: false,
        source: `import { BlobServiceClient } from "@azure/storage-blob";
export async function probe() {
  const names: string[] = [];
  for await (const c of BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!).listContainers()) names.push(c.name);
  return names.includes(${JSON.stringify(marker)}) ? "ok" : names;
}
`,
      });
      expect(report.status, JSON.stringify(report)).toBe("pass");
    } finally {
      delete process.env.AZURE_STORAGE_CONNECTION_STRING;
      await pool.stopAll();
    }
  });
});
