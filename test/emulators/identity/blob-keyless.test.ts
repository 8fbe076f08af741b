// Blob Storage with DefaultAzureCredential and the real host name, through the proxy to HTTPS Azurite
// (OAuth basic), run in a child process exactly as a learner's file runs.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type RunningCloud } from "../../../runner/src/emulators/identity-keyvault.js";
import { startSdkWorker, type SdkWorker } from "./sdk-worker.js";

let cloud: RunningCloud;
let sdk: SdkWorker;

beforeAll(async () => {
  cloud = await start({ storageAccounts: ["mystorage", "archive", "locked"] });
  sdk = await startSdkWorker(cloud.env);
});

afterAll(async () => {
  await sdk?.close();
  await cloud?.stop();
});

const container = (): string => `uploads-${randomBytes(4).toString("hex")}`;

describe("blob with DefaultAzureCredential", () => {
  it("runs the production upload snippet unmodified against https://mystorage.blob.core.windows.net", async () => {
    const name = container();
    const result = await sdk.value<{ text: string; url: string; names: string[] }>(
      `
      const { BlobServiceClient } = await sdk.import("@azure/storage-blob");
      const { DefaultAzureCredential } = sdk;
      const data = Buffer.from("%PDF-1.7 pretend");
      const service = new BlobServiceClient("https://mystorage.blob.core.windows.net", new DefaultAzureCredential());
      await service.getContainerClient(args.container).create();
      await service.getContainerClient(args.container).uploadBlockBlob("file.pdf", data, data.length);
      const blob = service.getContainerClient(args.container).getBlobClient("file.pdf");
      const names = [];
      for await (const item of service.getContainerClient(args.container).listBlobsFlat()) names.push(item.name);
      return { text: (await blob.downloadToBuffer()).toString(), url: blob.url, names };`,
      { container: name },
    );
    expect(result).toEqual({ text: "%PDF-1.7 pretend", url: `https://mystorage.blob.core.windows.net/${name}/file.pdf`, names: ["file.pdf"] });
  });

  it("keeps accounts apart by host name and answers an unknown account with an error", async () => {
    const name = container();
    const result = await sdk.value<{ inArchive: boolean; inMyStorage: boolean; unknown: string }>(
      `
      const { BlobServiceClient } = await sdk.import("@azure/storage-blob");
      const client = (account) => new BlobServiceClient("https://" + account + ".blob.core.windows.net", new sdk.DefaultAzureCredential());
      await client("archive").getContainerClient(args.container).create();
      const unknown = await client("nosuchaccount").getContainerClient(args.container).create({}).then(() => "created", (error) => String(error.statusCode));
      return {
        inArchive: await client("archive").getContainerClient(args.container).exists(),
        inMyStorage: await client("mystorage").getContainerClient(args.container).exists(),
        unknown,
      };`,
      { container: name },
    );
    expect(result).toEqual({ inArchive: true, inMyStorage: false, unknown: "404" });
  });

  it("signs a user delegation SAS with a key obtained by token, and the SAS URL reads the blob", async () => {
    const name = container();
    const text = await sdk.value<string>(
      `
      const storage = await sdk.import("@azure/storage-blob");
      const service = new storage.BlobServiceClient("https://mystorage.blob.core.windows.net", new sdk.DefaultAzureCredential());
      const containerClient = service.getContainerClient(args.container);
      await containerClient.create();
      await containerClient.uploadBlockBlob("shared.txt", "shared by SAS", 13);
      const startsOn = new Date(Date.now() - 60_000), expiresOn = new Date(Date.now() + 3_600_000);
      const key = await service.getUserDelegationKey(startsOn, expiresOn);
      const sas = storage.generateBlobSASQueryParameters(
        { containerName: args.container, blobName: "shared.txt", permissions: storage.BlobSASPermissions.parse("r"), startsOn, expiresOn },
        key, "mystorage").toString();
      const anonymous = new storage.BlobClient(containerClient.getBlobClient("shared.txt").url + "?" + sas);
      return (await anonymous.downloadToBuffer()).toString();`,
      { container: name },
    );
    expect(text).toBe("shared by SAS");
  });

  it("checks role assignments: Storage Blob Data Reader reads but cannot write; no role is 403 AuthorizationPermissionMismatch", async () => {
    const name = container();
    const snippet = (body: string) => `
      const { BlobServiceClient } = await sdk.import("@azure/storage-blob");
      const containerClient = new BlobServiceClient("https://locked.blob.core.windows.net", new sdk.DefaultAzureCredential()).getContainerClient(args.container);
      // A HEAD answer has no body: the SDK puts the x-ms-error-code header in details.errorCode.
      const attempt = (promise) => promise.then(() => "ok", (error) => error.statusCode + " " + (error.code ?? error.details?.errorCode));
      ${body}`;
    await sdk.value(snippet(`await containerClient.create(); await containerClient.uploadBlockBlob("a.txt", "hello", 5);`), { container: name });

    const admin = (path: string, init: RequestInit) => fetch(`${cloud.env.AZLAB_IDENTITY_ADMIN_URL}${path}`, { ...init, headers: { "content-type": "application/json" } });
    await admin(`/role-assignments?principal=system&scope=storageAccounts/locked`, { method: "DELETE" });
    await admin("/role-assignments", { method: "POST", body: JSON.stringify({ role: "Storage Blob Data Reader", scope: "storageAccounts/locked" }) });
    const asReader = await sdk.value(
      snippet(`return { read: await attempt(containerClient.getBlobClient("a.txt").downloadToBuffer()), write: await attempt(containerClient.uploadBlockBlob("b.txt", "no", 2)) };`),
      { container: name },
    );
    expect(asReader).toEqual({ read: "ok", write: "403 AuthorizationPermissionMismatch" });

    await admin(`/role-assignments?principal=system&scope=storageAccounts/locked`, { method: "DELETE" });
    const withoutRole = await sdk.value(snippet(`return attempt(containerClient.getBlobClient("a.txt").downloadToBuffer());`), { container: name });
    expect(withoutRole).toBe("403 AuthorizationPermissionMismatch");
  });
});
