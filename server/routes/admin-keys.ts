/** @module Admin routes for API keys: create (the secret shown once), list (never a secret or hash), revoke at once. */
import { apiKeyCreatedSchema, apiKeyCreateSchema, apiKeyListSchema } from "../../sdk/index.js";
import { keyPathSchema } from "../../sdk/schemas/request-params.js";
import { createApiKey, listApiKeys, revokeApiKey } from "../domain/api-keys.js";
import { jsonBody, params } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

/** Registers `POST/GET /v1/admin/keys` and `DELETE /v1/admin/keys/{keyId}` behind the API key check. */
export function adminKeyRoutes(context: RouteContext): void {
  const { app, deps, adminKeyHash } = context;
  const admin = adminRoute(context);

  app.post(
    "/v1/admin/keys",
    ...admin({
      role: "owner",
      summary: "Create an admin API key",
      response: {
        status: 201,
        description: "The key with its `secret`, shown only in this answer (the server keeps a hash)",
        schema: apiKeyCreatedSchema,
      },
      errors: [...BODY_ERRORS],
    }),
    jsonBody(apiKeyCreateSchema),
    async (c) => c.json(await createApiKey(deps, c.req.valid("json")), 201),
  );
  app.get(
    "/v1/admin/keys",
    ...admin({
      role: "owner",
      summary: "List admin API keys",
      response: {
        status: 200,
        description:
          "Every key, oldest first, with its label and last use (to the minute); never a secret or hash. The " +
          "bootstrap key SLOTBOOK_ADMIN_KEY is not listed (`bootstrapKey` says whether it is set) and cannot be " +
          "revoked here: unset it and restart the server.",
        schema: apiKeyListSchema,
      },
      errors: [],
    }),
    async (c) => c.json({ data: await listApiKeys(deps), bootstrapKey: adminKeyHash !== undefined }),
  );
  app.delete(
    "/v1/admin/keys/:keyId",
    ...admin({
      role: "owner",
      summary: "Revoke an admin API key at once",
      response: { status: 204, description: "Revoked: the next request with this key is refused with 401" },
      errors: ["not_found"],
    }),
    params(keyPathSchema),
    async (c) => {
      await revokeApiKey(deps, c.req.valid("param").keyId);
      return c.body(null, 204);
    },
  );
}
