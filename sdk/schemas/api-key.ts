/** @module Admin API keys as `/v1/admin/keys` takes and answers them: never a hash, the secret only once. */
import * as z from "zod/mini";
import { instantSchema, text } from "./common.js";

/** Id of an admin API key, e.g. `key_4Jq…` (not the key itself, which starts with `sk_`). */
export const apiKeyIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^key_[A-Za-z0-9_-]{1,64}$/, "Not an API key id"));

/** Body of `POST /v1/admin/keys`; 100 characters name a use ("CRM sync, production") with room to spare. */
export const apiKeyCreateSchema = z.object({ label: z.optional(text(100)) });
export type ApiKeyCreate = z.input<typeof apiKeyCreateSchema>;

/** A key as listed: who it is for, when it was made and last used (to the minute), never its secret or hash. */
export const apiKeySchema = z.object({
  id: apiKeyIdSchema,
  label: z.nullable(z.string()),
  createdAt: instantSchema,
  lastUsedAt: z.nullable(instantSchema),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The answer to `POST /v1/admin/keys`: the new key with its `secret`, shown this once (only a hash is kept). */
export const apiKeyCreatedSchema = z.object({
  id: apiKeyIdSchema,
  label: z.nullable(z.string()),
  createdAt: instantSchema,
  secret: z.string().check(z.regex(/^sk_[A-Za-z0-9_-]{20,}$/, "Not an API key")),
});
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;

/**
 * The answer to `GET /v1/admin/keys`, oldest key first. `bootstrapKey`: the server also accepts its
 * `SLOTBOOK_ADMIN_KEY`, which is not listed and cannot be revoked through the API (unset it and restart).
 */
export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema), bootstrapKey: z.boolean() });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;
