/**
 * @module Admin routes take `Authorization: Bearer sk_…` (acting as an owner) or the console's session cookie (with
 * the user's role, and a change only from the console's own origin).
 */
import type { MiddlewareHandler } from "hono";
import { type Principal, requireRole, sessionFor } from "../domain/accounts.js";
import { isAdminKey } from "../domain/api-keys.js";
import type { Deps } from "../domain/deps.js";
import { DomainError } from "../domain/domain-error.js";
import { isSafeMethod, requireOwnOrigin, type SessionCookiePolicy, sessionToken } from "./console-session.js";
import type { AppEnv } from "./env.js";

/** Bearer token of a request, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

/** Who the request comes from, or undefined (no or a wrong key, no or an ended session). Sets nothing. */
export async function principalOf(
  deps: Deps,
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  bootstrapHash: string | undefined,
  cookie: SessionCookiePolicy,
): Promise<Principal | undefined> {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    // A request that sends a key is judged by the key alone, whatever cookie the client also has.
    const key = bearerToken(header);
    return key && (await isAdminKey(deps, key, bootstrapHash)) ? { kind: "key" } : undefined;
  }
  const token = sessionToken(c, cookie);
  const found = token === undefined ? undefined : await sessionFor(deps, token);
  return found && { kind: "user", ...found };
}

/**
 * 401 unless the request carries a valid admin key or session; for a session, 403 for a change from another origin
 * or by a role below `writeRole` (reads need only `viewer`). Leaves the principal on the context.
 */
export function adminAuth(
  deps: Deps,
  bootstrapHash: string | undefined,
  cookie: SessionCookiePolicy,
  writeRole: "editor" | "owner" = "editor",
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await principalOf(deps, c, bootstrapHash, cookie);
    if (!principal) {
      c.header("www-authenticate", 'Bearer realm="slotbook-admin"');
      throw new DomainError(
        "unauthorized",
        "Send a valid admin API key as Authorization: Bearer sk_…, or sign in to the console",
      );
    }
    if (principal.kind === "user" && !isSafeMethod(c.req.method)) {
      requireOwnOrigin(c, cookie);
      requireRole(principal, writeRole);
    }
    c.set("principal", principal);
    return next();
  };
}
