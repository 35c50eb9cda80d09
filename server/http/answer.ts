/**
 * @module The headers every answer carries (the security headers, `X-Request-Id`, the default CORP, what the route's
 * middleware added with `answerHeader`) and `answer()`, which makes the busiest routes' answers with all of them at
 * once.
 */
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLeftUnread } from "./body-limit.js";
import type { AppEnv } from "./env.js";
import { type LogFn, logRequest } from "./request-log.js";

/**
 * hono's `secureHeaders()` defaults (answer.test.ts holds them to it) but `Cross-Origin-Resource-Policy`, which is
 * `same-origin` unless the route says otherwise (the widget script and the beacon's answer are `cross-origin`).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": "max-age=15552000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
};

/** A caller's own `X-Request-Id` is kept when it is 1 to 255 word characters, `-` or `=` (hono's `requestId()` rule). */
const CALLER_REQUEST_ID = /^[\w\-=]{1,255}$/;

/** The request's id: the caller's `X-Request-Id` if it is fit to log, else a new UUID. */
export function requestIdOf(given: string | undefined): string {
  return given !== undefined && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Answers made by `answer()`: they carry every header already. */
const complete = new WeakSet<Response>();

/**
 * A header for the request's answer, whichever way it is made: `answer()` puts it in, any other answer gets it on
 * its way out (`Vary` added to the answer's own). For middleware before a route that may answer with `answer()`;
 * `c.header()` there would be lost on those answers.
 */
export function answerHeader(c: Context<AppEnv>, name: string, value: string): void {
  let headers = c.get("answerHeaders");
  if (headers === undefined) {
    headers = {};
    c.set("answerHeaders", headers);
  }
  headers[name] = value;
}

/**
 * An answer with all its headers in one plain record: the security headers, `X-Request-Id`, the default CORP, the
 * `answerHeader`s and `headers`. On Node the record goes to the socket as it is, never through a `Headers` object
 * (each header set on one is validated and copied, which measured as a few per cent of a booking's CPU). For the
 * busiest answers (a booking, the widget's config and slots); `c.header()` calls made before it are not in it.
 */
export function answer(
  c: Context<AppEnv>,
  status: number,
  body: string | null,
  headers: Record<string, string>,
): Response {
  const all: Record<string, string> = {
    ...SECURITY_HEADERS,
    "Cross-Origin-Resource-Policy": "same-origin",
    ...c.get("answerHeaders"),
    ...headers,
  };
  const requestId = c.get("requestId");
  if (requestId !== undefined) all["X-Request-Id"] = requestId;
  const res = new Response(body, { status, headers: all });
  complete.add(res);
  return res;
}

/**
 * The app's first middleware: the request id (`c.var.requestId`), then on the way out the headers every answer
 * carries (on those `answer()` did not make), `Connection: close` on an answer to a body left unread, the log line.
 * One layer for all of it, where hono's `requestId()` and `secureHeaders()` would be two more.
 */
export function answerHeaders(log: LogFn | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    const arrived = c.req.raw;
    const requestId = requestIdOf(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    await next();
    if (!complete.has(c.res)) {
      const headers = c.res.headers;
      for (const name in SECURITY_HEADERS) headers.set(name, SECURITY_HEADERS[name]!);
      headers.set("X-Request-Id", requestId);
      if (!headers.has("cross-origin-resource-policy")) headers.set("Cross-Origin-Resource-Policy", "same-origin");
      const added = c.get("answerHeaders");
      if (added !== undefined) {
        for (const name in added) {
          if (name.toLowerCase() === "vary") headers.append(name, added[name]!);
          else headers.set(name, added[name]!);
        }
      }
    }
    if (bodyLeftUnread(arrived)) c.res.headers.set("connection", "close");
    if (log) logRequest(log, c, start);
  };
}
