// Operations on soft-deleted secrets: get, list, recover, purge.
import { SECRET_ACTIONS, type Operation, type OperationRequest } from "../operation.js";
import { page } from "../paging.js";
import { currentVersion, deletedSecretBundle, deletedSecretItem, secretBundle } from "../secret-json.js";

function secretName(request: OperationRequest): string {
  return request.params.name ?? "";
}

export const deletedSecretOperations: Operation[] = [
  {
    name: "getDeletedSecrets",
    method: "GET",
    path: /^\/deletedsecrets$/,
    action: `${SECRET_ACTIONS}/readMetadata/action`,
    target: "vault",
    handle(request) {
      const items = request.store.listDeleted().map((deleted) => deletedSecretItem(request.baseUrl, deleted));
      return { status: 200, body: page(items, request) };
    },
  },
  {
    name: "getDeletedSecret",
    method: "GET",
    path: /^\/deletedsecrets\/(?<name>[^/]+)$/,
    action: `${SECRET_ACTIONS}/readMetadata/action`,
    target: "secret",
    handle(request) {
      return { status: 200, body: deletedSecretBundle(request.baseUrl, request.store.getDeleted(secretName(request))) };
    },
  },
  {
    name: "recoverDeletedSecret",
    method: "POST",
    path: /^\/deletedsecrets\/(?<name>[^/]+)\/recover$/,
    action: `${SECRET_ACTIONS}/recover/action`,
    target: "secret",
    handle(request) {
      const secret = request.store.recover(secretName(request));
      return { status: 200, body: secretBundle(request.baseUrl, secret, currentVersion(secret), { withValue: false }) };
    },
  },
  {
    name: "purgeDeletedSecret",
    method: "DELETE",
    path: /^\/deletedsecrets\/(?<name>[^/]+)$/,
    action: `${SECRET_ACTIONS}/purge/action`,
    target: "secret",
    handle(request) {
      request.store.purge(secretName(request));
      return { status: 204 };
    },
  },
];
