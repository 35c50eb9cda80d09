/** @module Admin routes need `Authorization: Bearer sk_…`. */
import type { MiddlewareHandler } from "hono";
import { isAdminKey } from "../domain/api-keys.js";
import type { Deps } from "../domain/deps.js";
import { DomainError } from "../domain/domain-error.js";
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
      c.header("www-authenticate", 'Bearer realm="slotbook-admin"');
      throw new DomainError("unauthorized", "Send a valid admin API key as Authorization: Bearer sk_…");
    }
    return next();
  };
}
