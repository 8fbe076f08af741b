// The secrets of one vault: versions, soft delete, recovery, purge, backup. Knows nothing of HTTP.
// Names are case-insensitive (as in Key Vault) and keep the spelling of their first version.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { keyVaultErrors } from "./errors.js";

/** Soft-deleted secrets stay recoverable this long, as with Azure's default retention. */
export const RECOVERABLE_DAYS = 90;

export interface SecretVersion {
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  /** Epoch seconds, like every Key Vault timestamp. */
  notBefore?: number;
  expires?: number;
  created: number;
  updated: number;
}

export interface Secret {
  name: string;
  /** Oldest first; the last one is the current version. */
  versions: SecretVersion[];
}

export interface DeletedSecret {
  secret: Secret;
  deletedDate: number;
  scheduledPurgeDate: number;
}

export interface SecretAttributesInput {
  enabled?: boolean;
  notBefore?: number | null;
  expires?: number | null;
}

export interface SetSecretInput extends SecretAttributesInput {
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
}

export interface UpdateSecretInput extends SecretAttributesInput {
  contentType?: string;
  tags?: Record<string, string>;
}

const NAME_PATTERN = /^[0-9a-zA-Z-]{1,127}$/;

const BackupSchema = z.object({
  format: z.literal("azlab-keyvault-secret-backup/1"),
  secret: z.object({
    name: z.string(),
    versions: z.array(
      z.object({
        version: z.string(),
        value: z.string(),
        contentType: z.string().optional(),
        tags: z.record(z.string(), z.string()).optional(),
        enabled: z.boolean(),
        notBefore: z.number().optional(),
        expires: z.number().optional(),
        created: z.number(),
        updated: z.number(),
      }),
    ),
  }),
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function assertValidSecretName(name: string): void {
  if (!NAME_PATTERN.test(name)) throw keyVaultErrors.invalidName(name);
}

function applyAttributes(target: SecretVersion, input: SecretAttributesInput): void {
  if (input.enabled !== undefined) target.enabled = input.enabled;
  if (input.notBefore !== undefined) target.notBefore = input.notBefore ?? undefined;
  if (input.expires !== undefined) target.expires = input.expires ?? undefined;
}

export class SecretStore {
  readonly #active = new Map<string, Secret>();
  readonly #deleted = new Map<string, DeletedSecret>();

  #key(name: string): string {
    assertValidSecretName(name);
    return name.toLowerCase();
  }

  #activeOrThrow(name: string): Secret {
    const secret = this.#active.get(this.#key(name));
    if (!secret) throw keyVaultErrors.secretNotFound(name);
    return secret;
  }

  #deletedOrThrow(name: string): DeletedSecret {
    const deleted = this.#deleted.get(this.#key(name));
    if (!deleted) throw keyVaultErrors.deletedSecretNotFound();
    return deleted;
  }

  /** Adds a new version (every set does, even with the same value) and makes it current. */
  set(name: string, input: SetSecretInput): { secret: Secret; version: SecretVersion } {
    const key = this.#key(name);
    if (this.#deleted.has(key)) throw keyVaultErrors.deletedButRecoverable(name);
    const now = nowSeconds();
    const version: SecretVersion = {
      version: randomBytes(16).toString("hex"),
      value: input.value,
      contentType: input.contentType,
      tags: input.tags,
      enabled: true,
      created: now,
      updated: now,
    };
    applyAttributes(version, input);
    const secret = this.#active.get(key) ?? { name, versions: [] };
    secret.versions.push(version);
    this.#active.set(key, secret);
    return { secret, version };
  }

  /** The current version when `version` is empty. */
  get(name: string, version?: string): { secret: Secret; version: SecretVersion } {
    const secret = this.#activeOrThrow(name);
    const found = version ? secret.versions.find((candidate) => candidate.version === version.toLowerCase()) : secret.versions.at(-1);
    if (!found) throw keyVaultErrors.secretNotFound(name, version);
    return { secret, version: found };
  }

  update(name: string, version: string | undefined, input: UpdateSecretInput): { secret: Secret; version: SecretVersion } {
    const found = this.get(name, version);
    if (input.contentType !== undefined) found.version.contentType = input.contentType;
    if (input.tags !== undefined) found.version.tags = input.tags;
    applyAttributes(found.version, input);
    found.version.updated = nowSeconds();
    return found;
  }

  /** Ordered by name, as Key Vault lists them. */
  list(): Secret[] {
    return [...this.#active.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  /** Key Vault answers an empty list for a secret that does not exist. */
  listVersions(name: string): { secret: Secret; versions: SecretVersion[] } | undefined {
    const secret = this.#active.get(this.#key(name));
    return secret && { secret, versions: [...secret.versions] };
  }

  delete(name: string): DeletedSecret {
    const key = this.#key(name);
    const secret = this.#activeOrThrow(name);
    const deletedDate = nowSeconds();
    const deleted = { secret, deletedDate, scheduledPurgeDate: deletedDate + RECOVERABLE_DAYS * 24 * 60 * 60 };
    this.#active.delete(key);
    this.#deleted.set(key, deleted);
    return deleted;
  }

  getDeleted(name: string): DeletedSecret {
    return this.#deletedOrThrow(name);
  }

  listDeleted(): DeletedSecret[] {
    return [...this.#deleted.values()].sort((a, b) => a.secret.name.toLowerCase().localeCompare(b.secret.name.toLowerCase()));
  }

  recover(name: string): Secret {
    const { secret } = this.#deletedOrThrow(name);
    this.#deleted.delete(this.#key(name));
    this.#active.set(this.#key(name), secret);
    return secret;
  }

  purge(name: string): void {
    this.#deletedOrThrow(name);
    this.#deleted.delete(this.#key(name));
  }

  /** An opaque blob holding every version, restorable into any vault here. */
  backup(name: string): string {
    const secret = this.#activeOrThrow(name);
    return Buffer.from(JSON.stringify({ format: "azlab-keyvault-secret-backup/1", secret })).toString("base64url");
  }

  restore(blob: string): Secret {
    let parsed: z.infer<typeof BackupSchema>;
    try {
      parsed = BackupSchema.parse(JSON.parse(Buffer.from(blob, "base64url").toString("utf8")));
    } catch {
      throw keyVaultErrors.invalidBackup();
    }
    const key = this.#key(parsed.secret.name);
    if (this.#active.has(key) || this.#deleted.has(key)) throw keyVaultErrors.restoreConflict(parsed.secret.name);
    const secret: Secret = structuredClone(parsed.secret);
    this.#active.set(key, secret);
    return secret;
  }
}
