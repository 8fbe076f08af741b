// Tests for the blob-managed-identity lab. The tests check your results with their own BlobServiceClient,
// signed in as the app's system-assigned identity (Storage Blob Data Contributor on the account).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import { BlobClient, BlobServiceClient, BlockBlobClient, RestError } from "@azure/storage-blob";
import { AccessDeniedError, createBlobServiceClient, createReadOnlySasUrl, uploadFile } from "./exercise.js";

const accountName = process.env.AZURE_STORAGE_ACCOUNT_NAME;
const adminUrl = process.env.AZLAB_IDENTITY_ADMIN_URL;
if (!accountName || !process.env.IDENTITY_ENDPOINT) {
  throw new Error(
    "AZURE_STORAGE_ACCOUNT_NAME and the managed identity variables are not set. Run `npm test` in this lab's folder " +
      "(it starts the local identity service and storage for you), or export the variables printed by `npx azlab emulators`.",
  );
}
const accountUrl = `https://${accountName}.blob.core.windows.net`;
const service = new BlobServiceClient(accountUrl, new DefaultAzureCredential());
const createdContainers: string[] = [];

/** A container name nobody else uses. */
function uniqueContainer(label: string): string {
  const name = `${label}-${randomUUID().slice(0, 8)}`;
  createdContainers.push(name);
  return name;
}

async function containerWithBlob(label: string, blobName: string, text: string): Promise<string> {
  const name = uniqueContainer(label);
  await service.getContainerClient(name).create();
  await service.getContainerClient(name).uploadBlockBlob(blobName, text, Buffer.byteLength(text));
  return name;
}

/** The client id of the lab's user-assigned identity "reporting" (Storage Blob Data Reader only), from lab.json. */
async function reportingClientId(): Promise<string> {
  const response = await fetch(`${adminUrl}/identities`);
  const identities = (await response.json()) as Array<{ name: string; clientId: string }>;
  const reporting = identities.find((identity) => identity.name === "reporting");
  if (!reporting) throw new Error(`The identity service has no "reporting" identity: ${JSON.stringify(identities)}`);
  return reporting.clientId;
}

/** Resolves with the error a promise rejects with (undefined when it resolves). */
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

afterAll(async () => {
  await Promise.all(createdContainers.map((name) => service.getContainerClient(name).deleteIfExists()));
});

describe("1. Connect without keys", () => {
  it("returns a client for https://<account>.blob.core.windows.net that signs in with a token credential", async () => {
    const client = createBlobServiceClient(accountName);
    expect(client.url.replace(/\/$/, "")).toBe(accountUrl);
    expect(client.accountName).toBe(accountName);
    expect(typeof (client.credential as { getToken?: unknown }).getToken, "a TokenCredential such as DefaultAzureCredential, not a key").toBe("function");

    const name = uniqueContainer("connect");
    await service.getContainerClient(name).create();
    expect(await client.getContainerClient(name).exists()).toBe(true);
  });

  it("signs in as the user-assigned identity whose client id it is given", async () => {
    const clientId = await reportingClientId();
    const client = createBlobServiceClient(accountName, clientId);
    const token = await (client.credential as TokenCredential).getToken("https://storage.azure.com/.default");
    // A managed identity token is a JWT: its `appid` claim is the client id of the identity it was issued to.
    const claims = JSON.parse(Buffer.from(token?.token.split(".")[1] ?? "", "base64url").toString("utf8")) as { appid?: string };
    expect(claims.appid, "the token must be for the reporting identity, not the app's system-assigned one").toBe(clientId);
  });
});

describe("2. Upload a file", () => {
  it("creates the container if needed and uploads the bytes with their content type", async () => {
    const name = uniqueContainer("uploads");
    const data = Buffer.from("%PDF-1.7\n% a small pretend invoice\n");
    const url = await uploadFile(createBlobServiceClient(accountName), name, "invoices/file.pdf", data, "application/pdf");

    expect(url).toBe(`${accountUrl}/${name}/invoices/file.pdf`);
    const blob = service.getContainerClient(name).getBlobClient("invoices/file.pdf");
    expect(await blob.downloadToBuffer()).toEqual(data);
    expect((await blob.getProperties()).contentType).toBe("application/pdf");

    // Running it again (same container, new content) must work too: the container already exists.
    const second = Buffer.from("%PDF-1.7\n% version two\n");
    await uploadFile(createBlobServiceClient(accountName), name, "invoices/file.pdf", second, "application/pdf");
    expect(await blob.downloadToBuffer()).toEqual(second);
  });
});

describe("3. Share with a user delegation SAS", () => {
  it("returns a blob URL with a read-only user delegation SAS that anyone can download with", async () => {
    const name = await containerWithBlob("shared", "report.txt", "quarterly numbers");
    const sasUrl = await createReadOnlySasUrl(createBlobServiceClient(accountName), name, "report.txt", 30);

    const url = new URL(sasUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${accountUrl}/${name}/report.txt`);
    expect(url.searchParams.get("sp"), "read permission only").toBe("r");
    expect(url.searchParams.get("skoid"), "signed with a user delegation key (skoid = the identity's object id)").toBeTruthy();
    const expiry = Date.parse(url.searchParams.get("se") ?? "");
    expect(expiry).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(expiry).toBeLessThan(Date.now() + 31 * 60_000);

    // No credential at all: the URL is the permission.
    const anonymous = new BlobClient(sasUrl);
    expect((await anonymous.downloadToBuffer()).toString()).toBe("quarterly numbers");
  });

  it("cannot write the blob, nor read another blob with the same signature", async () => {
    const name = await containerWithBlob("readonly", "report.txt", "quarterly numbers");
    await service.getContainerClient(name).uploadBlockBlob("salaries.txt", "private", 7);
    const sasUrl = await createReadOnlySasUrl(createBlobServiceClient(accountName), name, "report.txt", 30);

    const write = await rejection(new BlockBlobClient(sasUrl).upload("overwritten", 11));
    expect(write, "an upload with a read-only SAS must be refused").toBeInstanceOf(RestError);
    expect((write as RestError).statusCode).toBe(403);

    const query = new URL(sasUrl).search;
    const other = await rejection(new BlobClient(`${accountUrl}/${name}/salaries.txt${query}`).downloadToBuffer());
    expect(other, "the SAS must be scoped to its one blob").toBeInstanceOf(RestError);
    expect((other as RestError).statusCode).toBe(403);
    expect((await service.getContainerClient(name).getBlobClient("report.txt").downloadToBuffer()).toString()).toBe("quarterly numbers");
  });
});

describe("4. Least privilege: explain a missing role", () => {
  it("the reporting identity (Storage Blob Data Reader) cannot upload: AccessDeniedError names the role it lacks", async () => {
    const name = await containerWithBlob("reports", "existing.csv", "a,b\n");
    const reporting = createBlobServiceClient(accountName, await reportingClientId());
    // Reading is what the reader role is for.
    expect((await reporting.getContainerClient(name).getBlobClient("existing.csv").downloadToBuffer()).toString()).toBe("a,b\n");

    const error = await rejection(uploadFile(reporting, name, "new.csv", Buffer.from("c,d\n"), "text/csv"));
    expect(error, "a 403 AuthorizationPermissionMismatch must become AccessDeniedError").toBeInstanceOf(AccessDeniedError);
    const message = (error as Error).message;
    expect(message).toContain(accountName);
    expect(message, "name the role that allows uploads").toContain("Storage Blob Data Contributor");
    expect((error as AccessDeniedError).statusCode).toBe(403);
    expect(await service.getContainerClient(name).getBlobClient("new.csv").exists()).toBe(false);
  });

  it("lets every other error through unchanged", async () => {
    // Container names are lowercase letters, digits and hyphens: the service answers 400, not 403.
    const error = await rejection(uploadFile(createBlobServiceClient(accountName), "Not_A_Valid_Name", "a.txt", Buffer.from("a"), "text/plain"));
    expect(error).toBeInstanceOf(RestError);
    expect(error).not.toBeInstanceOf(AccessDeniedError);
    expect((error as RestError).statusCode).toBe(400);
  });
});
