/**
 * @module The console's session cookie (`HttpOnly`, `SameSite=Lax`, `Secure` with an https PUBLIC_URL) and the
 * `Origin` check that keeps another site from acting for a signed-in marketer.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { DomainError } from "../domain/domain-error.js";

/** How the app sets its cookie and which origin is its own, from PUBLIC_URL. */
export interface SessionCookiePolicy {
  /** `__Host-slotbook_session` when secure (the prefix pins it to this host and path /), else `slotbook_session`. */
  name: string;
  secure: boolean;
  /** The console's origin (PUBLIC_URL's). */
  origin: string;
}

/** The policy for an app reached at `publicUrl`. */
export function sessionCookiePolicy(publicUrl: string): SessionCookiePolicy {
  const url = new URL(publicUrl);
  const secure = url.protocol === "https:";
  return { name: secure ? "__Host-slotbook_session" : "slotbook_session", secure, origin: url.origin };
}

/** The session token the request's cookie carries, if any. */
export function sessionToken(c: Context, policy: SessionCookiePolicy): string | undefined {
  const value = getCookie(c, policy.name);
  return value && value.length <= 200 ? value : undefined;
}

/** Sets the session cookie until `expiresAt`. */
export function setSessionCookie(c: Context, policy: SessionCookiePolicy, token: string, expiresAt: string): void {
  setCookie(c, policy.name, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: policy.secure,
    path: "/",
    expires: new Date(expiresAt),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, policy: SessionCookiePolicy): void {
  deleteCookie(c, policy.name, { path: "/", secure: policy.secure, httpOnly: true, sameSite: "Lax" });
}

/** True for methods that change nothing. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}

/**
 * 403 `forbidden` unless the request comes from the console's own origin: its `Origin` header is PUBLIC_URL's origin
 * or the origin the request was addressed to (a proxy in front may rewrite neither). Browsers send `Origin` on every
 * request that changes something; one without it, with a session cookie, is refused, so no form or script on another
 * site (even a sibling subdomain, which SameSite=Lax lets through) can act for a signed-in user.
 */
export function requireOwnOrigin(c: Context, policy: SessionCookiePolicy): void {
  const origin = c.req.header("origin");
  if (origin !== undefined && (origin === policy.origin || origin === new URL(c.req.url).origin)) return;
  throw new DomainError(
    "forbidden",
    origin === undefined
      ? "A change made with the console's session must carry an Origin header (browsers send one)"
      : `A change made with the console's session must come from the console itself, not from ${origin}`,
  );
}
