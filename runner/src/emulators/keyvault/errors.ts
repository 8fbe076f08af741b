// Every error the Key Vault emulator answers, in one place, with Azure's status codes, error codes and
// wording (learners read these in RestError messages, so they must match what Azure says).
// Body shape: {"error": {"code", "message", "innererror"?: {"code"}}}.

export class KeyVaultError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerCode?: string,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; innererror?: { code: string } } } {
    return {
      error: { code: this.code, message: this.message, ...(this.innerCode ? { innererror: { code: this.innerCode } } : {}) },
    };
  }
}

const RECOVER_HINT =
  "If you recently deleted this secret you may be able to recover it using the correct recovery command. " +
  "For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182";

export const keyVaultErrors = {
  /** 401 without a token: the first request of the SDK's challenge flow. */
  missingToken: () => new KeyVaultError(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."),
  invalidToken: (detail: string) => new KeyVaultError(401, "Unauthorized", detail),
  invalidAudience: (detail: string) => new KeyVaultError(401, "Unauthorized", `AKV10022: ${detail}`),
  invalidIssuer: (detail: string) => new KeyVaultError(401, "Unauthorized", `AKV10032: ${detail}`),
  unknownSigningKey: () => new KeyVaultError(401, "Unauthorized", "AKV10046: Unable to resolve the key used for signature validation."),

  forbiddenByRbac: (caller: string, action: string, resource: string, vault: string) =>
    new KeyVaultError(
      403,
      "Forbidden",
      "Caller is not authorized to perform action on resource.\r\n" +
        "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n" +
        `Caller: ${caller}\r\n` +
        `Action: '${action}'\r\n` +
        `Resource: '${resource.toLowerCase()}'\r\n` +
        "Assignment: (not found)\r\n" +
        "DenyAssignmentId: null\r\n" +
        "DecisionReason: 'DeniedWithNoValidRBAC' \r\n" +
        `Vault: ${vault};location=eastus\r\n`,
      "ForbiddenByRbac",
    ),
  secretDisabled: () => new KeyVaultError(403, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled"),

  secretNotFound: (name: string, version?: string) =>
    new KeyVaultError(
      404,
      "SecretNotFound",
      `A secret with (name/id) ${version ? `${name}/${version}` : name} was not found in this key vault. ${RECOVER_HINT}`,
    ),
  deletedSecretNotFound: () => new KeyVaultError(404, "SecretNotFound", "Deleted Secret not found"),
  /** There is no such vault: in Azure the host name would not even resolve (ENOTFOUND). */
  vaultNotFound: (vault: string, known: string[]) =>
    new KeyVaultError(
      404,
      "VaultNotFound",
      `The vault '${vault}' was not found: ${vault}.vault.azure.net does not exist (in Azure the name would not resolve, getaddrinfo ENOTFOUND). ` +
        `Check the vault name in the URL. Vaults here: ${known.join(", ")}.`,
    ),
  routeNotFound: (method: string, path: string) =>
    new KeyVaultError(404, "NotFound", `The requested resource ${method} ${path} is not part of the Key Vault secrets API.`),

  deletedButRecoverable: (name: string) =>
    new KeyVaultError(
      409,
      "Conflict",
      `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
      "ObjectIsDeletedButRecoverable",
    ),
  restoreConflict: (name: string) =>
    new KeyVaultError(409, "Conflict", `Secret ${name} already exists in this vault (or is deleted but recoverable), so the backup cannot be restored over it.`),

  badParameter: (message: string) => new KeyVaultError(400, "BadParameter", message),
  invalidName: (name: string) => new KeyVaultError(400, "BadParameter", `The request URI contains an invalid name: ${name}`),
  badApiVersion: (given: string | null, latest: string) =>
    new KeyVaultError(
      400,
      "BadParameter",
      given === null
        ? "The api-version query parameter is missing."
        : `The specified version (${given}) is not recognized. Consider using the latest supported version (${latest}).`,
    ),
  invalidBackup: () => new KeyVaultError(400, "BadParameter", "Backup blob contains invalid or corrupt version."),
  methodNotAllowed: (method: string) => new KeyVaultError(405, "MethodNotAllowed", `The requested HTTP method ${method} is not supported for this resource.`),
};
