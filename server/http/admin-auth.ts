/** @module Admin routes need `Authorization: Bearer sk_…`. */
import type { MiddlewareHandler } from "hono";
import { isAdminKey } from "../domain/api-keys.js";
import type { Deps } from "../domain/deps.js";
import { ApiError } from "./api-error.js";
import type { AppEnv } from "./env.js";

/** Bearer token of a request, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

/** 401 unless the request carries a valid admin key. */
export function adminAuth(deps: Deps, bootstrapHash: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = bearerToken(c.req.header("authorization"));
    if (!key || !(await isAdminKey(deps, key, bootstrapHash))) {
      throw new ApiError("unauthorized", "Send a valid admin API key as Authorization: Bearer sk_…", {
        headers: { "www-authenticate": 'Bearer realm="slotbook-admin"' },
      });
    }
    return next();
  };
}
