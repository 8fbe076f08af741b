// Azure RBAC for blob requests made with a bearer token: Azurite checks a token's issuer, audience and
// lifetime but not its signature or the caller's roles, so this HTTPS front checks both (against the local
// identity service) before passing the request through to Azurite unchanged. Requests signed with a SAS
// or a shared key go straight through: Azurite checks those itself.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, request as httpsRequest, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { IdentityDirectory } from "../identity/directory.js";
import { storageAccountResourceId } from "../identity/scopes.js";
import { TokenRejectedError, type TokenIssuer, type VerifiedToken } from "../identity/token-issuer.js";
import type { KeyAndCertificate } from "../tls/certificates.js";

const BLOB = "Microsoft.Storage/storageAccounts/blobServices";

export interface BlobRbacGateway {
  port: number;
  stop(): Promise<void>;
}

export interface BlobRbacGatewayOptions {
  tls: KeyAndCertificate;
  caCertPem: string;
  directory: IdentityDirectory;
  issuer: TokenIssuer;
  /** Account names Azurite serves; requests for others go through so Azurite answers its not-found. */
  accounts: string[];
  /** The HTTPS Azurite port, started on first use. */
  azuritePort(): Promise<number>;
}

/** The data action Azure checks for a blob REST call (the subset the SDK's common calls need). */
export function blobDataAction(method: string, path: string, query: URLSearchParams): string {
  const segments = path.split("/").filter(Boolean);
  const restype = query.get("restype");
  const comp = query.get("comp");
  if (restype === "service" && comp === "userdelegationkey") return `${BLOB}/generateUserDelegationKey/action`;
  const containerLevel = segments.length === 1 && restype === "container";
  if (segments.length === 0 || (containerLevel && comp !== "list")) {
    if (method === "DELETE") return `${BLOB}/containers/delete`;
    return method === "GET" || method === "HEAD" ? `${BLOB}/containers/read` : `${BLOB}/containers/write`;
  }
  if (method === "GET" || method === "HEAD") return `${BLOB}/containers/blobs/read`;
  if (method === "DELETE") return `${BLOB}/containers/blobs/delete`;
  return `${BLOB}/containers/blobs/write`;
}

function storageError(response: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  const body =
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code>` +
    `<Message>${message}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`;
  response.writeHead(status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(body).toString(),
    "x-ms-error-code": code,
    "x-ms-request-id": requestId,
  });
  response.end(body);
}

function accountAudiences(account: string): string[] {
  return ["https://storage.azure.com", "https://storage.azure.com/", `https://${account}.blob.core.windows.net`, `https://${account}.blob.core.windows.net/`];
}

export async function startBlobRbacGateway(options: BlobRbacGatewayOptions): Promise<BlobRbacGateway> {
  const forward = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = request.headers.host ?? "";
    const upstream = httpsRequest(
      {
        host: "127.0.0.1",
        port: await options.azuritePort(),
        servername: host.replace(/:\d+$/, ""),
        ca: options.caCertPem,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent: false,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      if (!response.headersSent) storageError(response, 502, "InternalError", `The blob emulator could not be reached: ${error.message}`);
      else response.destroy();
    });
    request.pipe(upstream);
  };

  const authorize = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!bearer) return true;
    const host = (request.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const account = host.split(".")[0] ?? "";
    if (!options.accounts.includes(account)) return true;
    let token: VerifiedToken;
    try {
      token = await options.issuer.verify(bearer, accountAudiences(account));
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      storageError(response, 401, "InvalidAuthenticationInfo", `Server failed to authenticate the request. ${error.message}`);
      return false;
    }
    const url = new URL(request.url ?? "/", `https://${host}`);
    const container = url.pathname.split("/").filter(Boolean)[0];
    const action = blobDataAction(request.method ?? "GET", url.pathname, url.searchParams);
    if (options.directory.findGrant(token.oid, action, storageAccountResourceId(account, container))) return true;
    storageError(response, 403, "AuthorizationPermissionMismatch", "This request is not authorized to perform this operation using this permission.");
    return false;
  };

  const server: Server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (request, response) => {
    authorize(request, response)
      .then(async (allowed) => {
        if (allowed) await forward(request, response);
        else request.resume();
      })
      .catch((error: unknown) => {
        request.resume();
        if (!response.headersSent) storageError(response, 500, "InternalError", (error as Error).message);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
