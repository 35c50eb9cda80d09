/** @module Admin routes for API keys: create (the secret shown once), list (never a secret or hash), revoke at once. */
import { apiKeyCreatedSchema, apiKeyCreateSchema, apiKeyListSchema } from "../../sdk/index.js";
import { createApiKey, listApiKeys, revokeApiKey } from "../domain/api-keys.js";
import { adminAuth } from "../http/admin-auth.js";
import { ADMIN_BODY_LIMIT, limitBody } from "../http/body-limit.js";
import type { RouteContext } from "./context.js";

/** Registers `POST/GET /v1/admin/keys` and `DELETE /v1/admin/keys/{keyId}` behind the API key check. */
export function adminKeyRoutes({ table, deps, adminKeyHash }: RouteContext): void {
  const mw = [adminAuth(deps, adminKeyHash), limitBody(ADMIN_BODY_LIMIT)];
  const tag = "Admin" as const;
  const auth = "admin" as const;

  table.add(
    {
      method: "post",
      path: "/v1/admin/keys",
      summary: "Create an admin API key",
      tag,
      auth,
      body: apiKeyCreateSchema,
      response: {
        status: 201,
        description: "The key with its `secret`, shown only in this answer (the server keeps a hash)",
        schema: apiKeyCreatedSchema,
      },
      errors: ["unauthorized", "bad_request", "unsupported_media_type", "validation_failed"],
    },
    mw,
    async (c, { body }) => c.json(await createApiKey(deps, body), 201),
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/keys",
      summary: "List admin API keys",
      tag,
      auth,
      response: {
        status: 200,
        description:
          "Every key, oldest first, with its label and last use (to the minute); never a secret or hash. The " +
          "bootstrap key SLOTBOOK_ADMIN_KEY is not listed (`bootstrapKey` says whether it is set) and cannot be " +
          "revoked here: unset it and restart the server.",
        schema: apiKeyListSchema,
      },
      errors: ["unauthorized"],
    },
    mw,
    async (c) => c.json({ data: await listApiKeys(deps), bootstrapKey: adminKeyHash !== undefined }),
  );
  table.add(
    {
      method: "delete",
      path: "/v1/admin/keys/{keyId}",
      summary: "Revoke an admin API key at once",
      tag,
      auth,
      response: { status: 204, description: "Revoked: the next request with this key is refused with 401" },
      errors: ["unauthorized", "not_found"],
    },
    mw,
    async (c) => {
      await revokeApiKey(deps, c.req.param("keyId") ?? "");
      return c.body(null, 204);
    },
  );
}
