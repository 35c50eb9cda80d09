/**
 * @module The console's account routes (`/v1/auth/…`): what a setup or invite link is for, using it, signing in and
 * out, and who is signed in. Sign-in is limited per account and per client IP; every change here must come from the
 * console's own origin when the browser says where it comes from.
 */
import type { Context } from "hono";
import { acceptSchema, sessionSchema, signInSchema, tokenInfoSchema, tokenLookupSchema } from "../../sdk/index.js";
import {
  acceptToken,
  lookupToken,
  type StartedSession,
  sessionFor,
  signIn,
  signOut,
  signOutEverywhere,
  toUser,
} from "../domain/accounts.js";
import { DomainError } from "../domain/domain-error.js";
import { ADMIN_BODY_LIMIT, limitBody } from "../http/body-limit.js";
import { clientIp } from "../http/client-ip.js";
import {
  clearSessionCookie,
  requireOwnOrigin,
  type SessionCookiePolicy,
  sessionToken,
  setSessionCookie,
} from "../http/console-session.js";
import type { AppEnv } from "../http/env.js";
import { jsonBody } from "../http/validate.js";
import { BODY_ERRORS, describe, type RouteDoc } from "../openapi/route-doc.js";
import type { RouteContext } from "./context.js";

/** Registers `/v1/auth/token`, `accept`, `sign-in`, `sign-out`, `sign-out-everywhere` and `session`. */
export function consoleAuthRoutes(context: RouteContext): void {
  const { app, deps, cookie, signInLimits, trustProxy } = context;
  const doc = (d: Omit<RouteDoc, "tag">) => describe({ ...d, tag: "Console" });
  const limit = limitBody(ADMIN_BODY_LIMIT);
  // A browser always says where a POST comes from; a page elsewhere must not sign a marketer in (login CSRF) or out.
  const ownOrigin = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (c.req.header("origin") !== undefined) requireOwnOrigin(c, cookie);
    await next();
  };
  const started = (c: Context<AppEnv>, s: StartedSession, status: 200 | 201) => {
    setSessionCookie(c, cookie, s.token, s.session.expiresAt);
    c.header("cache-control", "no-store");
    return c.json({ user: toUser(s.user), expiresAt: s.session.expiresAt }, status);
  };
  const current = async (c: Context<AppEnv>) => {
    const token = sessionToken(c, cookie);
    return token === undefined ? undefined : sessionFor(deps, token);
  };

  app.post(
    "/v1/auth/token",
    doc({
      summary: "What a setup or invite link is for, before it is used",
      response: { status: 200, description: "The link's kind, its email (invites) and role", schema: tokenInfoSchema },
      errors: [...BODY_ERRORS, "not_found", "forbidden"],
    }),
    ownOrigin,
    limit,
    jsonBody(tokenLookupSchema),
    async (c) => c.json(await lookupToken(deps, c.req.valid("json").token)),
  );
  app.post(
    "/v1/auth/accept",
    doc({
      summary: "Use a setup link (creates the owner) or an invite: the account is created and signed in",
      response: { status: 201, description: "Signed in; the session cookie is set", schema: sessionSchema },
      errors: [...BODY_ERRORS, "not_found", "forbidden"],
    }),
    ownOrigin,
    limit,
    jsonBody(acceptSchema),
    async (c) => started(c, await acceptToken(deps, c.req.valid("json")), 201),
  );
  app.post(
    "/v1/auth/sign-in",
    doc({
      summary: "Sign in with email and password",
      description:
        "Sets the session cookie (HttpOnly, SameSite=Lax, Secure with an https PUBLIC_URL; 30 days). At most " +
        `${SIGN_IN_LIMITS.account} attempts per account and ${SIGN_IN_LIMITS.ip} per client IP in 15 minutes.`,
      response: { status: 200, description: "Signed in", schema: sessionSchema },
      errors: [...BODY_ERRORS, "unauthorized", "forbidden", "rate_limited"],
    }),
    ownOrigin,
    limit,
    jsonBody(signInSchema),
    async (c) => {
      const { email, password } = c.req.valid("json");
      for (const [limiter, key] of [
        [signInLimits.account, email],
        [signInLimits.ip, clientIp(c, trustProxy)],
      ] as const) {
        const verdict = await limiter.hit(`signin|${key}`);
        if (!verdict.allowed) {
          throw new DomainError("rate_limited", "Too many sign-in attempts; wait a few minutes and try again", {
            retryAfter: Math.ceil(verdict.resetMs / 1000),
          });
        }
      }
      return started(c, await signIn(deps, email, password), 200);
    },
  );
  app.get(
    "/v1/auth/session",
    doc({
      summary: "Who is signed in (by the session cookie), until when",
      response: { status: 200, description: "The session", schema: sessionSchema },
      errors: ["unauthorized"],
    }),
    async (c) => {
      const found = await current(c);
      if (!found) throw new DomainError("unauthorized", "Not signed in");
      c.header("cache-control", "no-store");
      return c.json({ user: toUser(found.user), expiresAt: found.session.expiresAt });
    },
  );
  const end = (everywhere: boolean) => async (c: Context<AppEnv>) => {
    const found = await current(c);
    if (found) {
      requireOwnOrigin(c, cookie);
      if (everywhere) await signOutEverywhere(deps, found.user.id);
      else await signOut(deps, found.session.id);
    }
    clearSessionCookie(c, cookie);
    return c.body(null, 204);
  };
  app.post(
    "/v1/auth/sign-out",
    doc({
      summary: "Sign out: this session ends and its cookie is cleared",
      response: { status: 204, description: "Signed out (also when no session was there)" },
      errors: ["forbidden"],
    }),
    end(false),
  );
  app.post(
    "/v1/auth/sign-out-everywhere",
    doc({
      summary: "End every session of the signed-in user, in every browser",
      response: { status: 204, description: "Every session ended" },
      errors: ["forbidden"],
    }),
    end(true),
  );
}

/** Sign-in attempts allowed per 15 minutes: per account (guessing one password) and per IP (trying many accounts). */
export const SIGN_IN_LIMITS = { account: 10, ip: 50, windowMs: 15 * 60_000 } as const;

/** Re-exported for the app: the policy type the routes use. */
export type { SessionCookiePolicy };
