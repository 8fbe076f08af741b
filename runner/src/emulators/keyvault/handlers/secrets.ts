// Operations on live secrets: set, get, update, list, list versions, delete, backup, restore.
import { keyVaultErrors } from "../errors.js";
import { SECRET_ACTIONS, type Operation, type OperationRequest } from "../operation.js";
import { page } from "../paging.js";
import { currentVersion, deletedSecretBundle, secretBundle, secretItem } from "../secret-json.js";
import { attributesInput, parseBody, RestoreSecretBodySchema, SetSecretBodySchema, UpdateSecretBodySchema } from "./request-bodies.js";

function secretName(request: OperationRequest): string {
  return request.params.name ?? "";
}

export const secretOperations: Operation[] = [
  {
    name: "setSecret",
    method: "PUT",
    path: /^\/secrets\/(?<name>[^/]+)$/,
    action: `${SECRET_ACTIONS}/setSecret/action`,
    target: "secret",
    handle(request) {
      const body = parseBody(SetSecretBodySchema, request.body);
      const { secret, version } = request.store.set(secretName(request), {
        value: body.value,
        contentType: body.contentType,
        tags: body.tags,
        ...attributesInput(body.attributes),
      });
      return { status: 200, body: secretBundle(request.baseUrl, secret, version, { withValue: true }) };
    },
  },
  {
    name: "getSecretVersions",
    method: "GET",
    path: /^\/secrets\/(?<name>[^/]+)\/versions$/,
    action: `${SECRET_ACTIONS}/readMetadata/action`,
    target: "secret",
    handle(request) {
      const found = request.store.listVersions(secretName(request));
      const items = found ? found.versions.map((version) => secretItem(request.baseUrl, found.secret, version, { withVersion: true })) : [];
      return { status: 200, body: page(items, request) };
    },
  },
  {
    name: "getSecret",
    method: "GET",
    path: /^\/secrets\/(?<name>[^/]+)(?:\/(?<version>[^/]*))?$/,
    action: `${SECRET_ACTIONS}/getSecret/action`,
    target: "secret",
    handle(request) {
      const { secret, version } = request.store.get(secretName(request), request.params.version);
      // Azure refuses disabled versions but, despite the docs' wording, still returns expired or
      // not-yet-valid ones: expiry is for the application to check.
      if (!version.enabled) throw keyVaultErrors.secretDisabled();
      return { status: 200, body: secretBundle(request.baseUrl, secret, version, { withValue: true }) };
    },
  },
  {
    name: "updateSecret",
    method: "PATCH",
    path: /^\/secrets\/(?<name>[^/]+)(?:\/(?<version>[^/]*))?$/,
    action: `${SECRET_ACTIONS}/update/action`,
    target: "secret",
    handle(request) {
      const body = parseBody(UpdateSecretBodySchema, request.body);
      const { secret, version } = request.store.update(secretName(request), request.params.version, {
        contentType: body.contentType,
        tags: body.tags,
        ...attributesInput(body.attributes),
      });
      return { status: 200, body: secretBundle(request.baseUrl, secret, version, { withValue: false }) };
    },
  },
  {
    name: "getSecrets",
    method: "GET",
    path: /^\/secrets$/,
    action: `${SECRET_ACTIONS}/readMetadata/action`,
    target: "vault",
    handle(request) {
      const items = request.store.list().map((secret) => secretItem(request.baseUrl, secret, currentVersion(secret), { withVersion: false }));
      return { status: 200, body: page(items, request) };
    },
  },
  {
    name: "deleteSecret",
    method: "DELETE",
    path: /^\/secrets\/(?<name>[^/]+)$/,
    action: `${SECRET_ACTIONS}/delete`,
    target: "secret",
    handle(request) {
      return { status: 200, body: deletedSecretBundle(request.baseUrl, request.store.delete(secretName(request))) };
    },
  },
  {
    name: "backupSecret",
    method: "POST",
    path: /^\/secrets\/(?<name>[^/]+)\/backup$/,
    action: `${SECRET_ACTIONS}/backup/action`,
    target: "secret",
    handle(request) {
      return { status: 200, body: { value: request.store.backup(secretName(request)) } };
    },
  },
  {
    name: "restoreSecret",
    method: "POST",
    path: /^\/secrets\/restore$/,
    action: `${SECRET_ACTIONS}/restore/action`,
    target: "vault",
    handle(request) {
      const body = parseBody(RestoreSecretBodySchema, request.body);
      const secret = request.store.restore(body.value);
      return { status: 200, body: secretBundle(request.baseUrl, secret, currentVersion(secret), { withValue: false }) };
    },
  },
];
