// zod schemas for the JSON bodies the secrets API accepts; a bad body is a 400 BadParameter naming the field.
import { z } from "zod";
import { keyVaultErrors } from "../errors.js";

const AttributesSchema = z
  .object({
    enabled: z.boolean().optional(),
    nbf: z.number().int().nullable().optional(),
    exp: z.number().int().nullable().optional(),
  })
  .optional();

const TagsSchema = z.record(z.string(), z.string()).optional();

export const SetSecretBodySchema = z.object({
  value: z.string({ error: "The parameter 'value' is required and must be a string." }),
  contentType: z.string().optional(),
  tags: TagsSchema,
  attributes: AttributesSchema,
});

export const UpdateSecretBodySchema = z.object({
  contentType: z.string().optional(),
  tags: TagsSchema,
  attributes: AttributesSchema,
});

export const RestoreSecretBodySchema = z.object({
  value: z.string({ error: "The parameter 'value' (the backup blob) is required." }),
});

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw keyVaultErrors.badParameter(`Invalid ${field}: ${issue?.message ?? "malformed request body"}`);
  }
  return result.data;
}

export function attributesInput(attributes: z.infer<typeof AttributesSchema>) {
  return { enabled: attributes?.enabled, notBefore: attributes?.nbf, expires: attributes?.exp };
}
