// The JSON shapes Key Vault answers (SecretBundle, SecretItem, DeletedSecretBundle), built from the store.
import { RECOVERABLE_DAYS, type DeletedSecret, type Secret, type SecretVersion } from "./secret-store.js";

// What a vault with soft delete on and purge protection off reports.
const RECOVERY_LEVEL = "Recoverable+Purgeable";

function attributes(version: SecretVersion) {
  return {
    enabled: version.enabled,
    ...(version.notBefore !== undefined ? { nbf: version.notBefore } : {}),
    ...(version.expires !== undefined ? { exp: version.expires } : {}),
    created: version.created,
    updated: version.updated,
    recoveryLevel: RECOVERY_LEVEL,
    recoverableDays: RECOVERABLE_DAYS,
  };
}

function common(version: SecretVersion) {
  return {
    ...(version.contentType !== undefined ? { contentType: version.contentType } : {}),
    attributes: attributes(version),
    ...(version.tags !== undefined ? { tags: version.tags } : {}),
  };
}

/** `baseUrl` is the vault URL the caller used, e.g. `https://myvault.vault.azure.net`. */
export function secretBundle(baseUrl: string, secret: Secret, version: SecretVersion, options: { withValue: boolean }) {
  return {
    ...(options.withValue ? { value: version.value } : {}),
    id: `${baseUrl}/secrets/${secret.name}/${version.version}`,
    ...common(version),
  };
}

/** List entries: without value; the secrets list names the secret, the versions list names the version. */
export function secretItem(baseUrl: string, secret: Secret, version: SecretVersion, options: { withVersion: boolean }) {
  return {
    id: `${baseUrl}/secrets/${secret.name}${options.withVersion ? `/${version.version}` : ""}`,
    ...common(version),
  };
}

function deletedInfo(baseUrl: string, deleted: DeletedSecret) {
  return {
    recoveryId: `${baseUrl}/deletedsecrets/${deleted.secret.name}`,
    deletedDate: deleted.deletedDate,
    scheduledPurgeDate: deleted.scheduledPurgeDate,
  };
}

function currentVersion(secret: Secret): SecretVersion {
  return secret.versions.at(-1)!;
}

export function deletedSecretBundle(baseUrl: string, deleted: DeletedSecret) {
  return {
    ...deletedInfo(baseUrl, deleted),
    ...secretBundle(baseUrl, deleted.secret, currentVersion(deleted.secret), { withValue: false }),
  };
}

export function deletedSecretItem(baseUrl: string, deleted: DeletedSecret) {
  return {
    ...deletedInfo(baseUrl, deleted),
    ...secretItem(baseUrl, deleted.secret, currentVersion(deleted.secret), { withVersion: false }),
  };
}

export { currentVersion };
