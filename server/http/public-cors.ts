/**
 * @module The public routes' edge, in three steps: load what the request is about once (the widget, or the booking
 * and its widget), refuse an origin that widget does not allow with a readable 403, and serve CORS to the rest.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { Widget } from "../../sdk/index.js";
import { DomainError } from "../domain/domain-error.js";
import type { BookingRow } from "../store/types.js";
import type { AppEnv } from "./env.js";

/** Headers the widget reads from our answers. */
const EXPOSED = [
  "Retry-After",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "Idempotent-Replayed",
  "X-Request-Id",
];
/** 10 min: browsers cap preflight caching near there anyway (Chromium: 2 h, Firefox: 24 h). */
const PREFLIGHT_MAX_AGE = 600;

/** True when `origin` may embed the widget. */
export function originAllowed(widget: Pick<Widget, "allowedOrigins">, origin: string): boolean {
  return widget.allowedOrigins.includes("*") || widget.allowedOrigins.includes(origin);
}

/**
 * True when the browser's page is one of ours (the manage page): its origin's host is the host the request was sent
 * to (or the origin is the public URL's, given to `publicEdge`). Hosts, not origins: behind a TLS proxy the page is
 * https and the request reaches us as http. A browser never lets a page of another host send our host as its Origin.
 */
function sameHost(origin: string, url: string): boolean {
  try {
    return new URL(origin).host === new URL(url).host;
  } catch {
    return false;
  }
}

/** What a public request is about; `widget` undefined means unknown (answered 404 by the route). */
export interface PublicSubject {
  widget: Widget | undefined;
  booking?: BookingRow;
}

/**
 * A browser origin the widget does not allow (our own pages' origin, `own`, is always allowed): refused with `403
 * origin_not_allowed` on every method, before any handler sees widget data. The CORS headers on it let the widget
 * read the refusal and name the origin to the visitor, where without them the browser would report a network
 * error. Checked before preflights are answered: a refused preflight is a 403 too (browsers treat it as a network
 * error whatever it says, but the widget's reads are simple requests and learn of the refusal first).
 */
function refuseOrigin(c: Context<AppEnv>, origin: string | undefined, widget: Widget | undefined, own?: string) {
  if (origin && widget && !originAllowed(widget, origin) && origin !== own && !sameHost(origin, c.req.url)) {
    // As for an allowed origin (`corsHeaders` with no widget to check against), so the widget can read the refusal.
    corsHeaders(c.header, origin);
    c.header("Vary", "Origin", { append: true });
    throw new DomainError("origin_not_allowed", `${origin} is not in this widget's allowed origins`);
  }
}

/** What a preflight may ask for. */
const ALLOW_METHODS = "GET, POST, OPTIONS";
const ALLOW_HEADERS = "Content-Type, Authorization, Idempotency-Key";
const EXPOSED_LIST = EXPOSED.join(", ");

/** The CORS headers of an answer: the allowed origin echoed (an unknown widget's 404 may be read: it leaks nothing). */
function corsHeaders(set: (name: string, value: string) => void, origin: string | undefined, widget?: Widget) {
  if (origin && (!widget || originAllowed(widget, origin))) set("Access-Control-Allow-Origin", origin);
  set("Access-Control-Expose-Headers", EXPOSED_LIST);
}

/**
 * The public routes' edge, one middleware in three steps: load what the request is about once and keep it as
 * `c.var.widget` and `c.var.booking` (`load`), refuse an origin that widget does not allow, then CORS for the rest:
 * our headers exposed, `Vary: Origin` always (a cache must not hand one site's answer to another), preflights
 * answered here. `publicUrl` is the origin of our own pages (the manage page), allowed whatever the widget allows.
 *
 * One layer, and CORS by hand rather than hono's `cors()`, for the cost on every public request: each middleware
 * layer costs a booking measurably, and `cors()` sets headers on `c.res` before the route runs and appends `Vary`
 * through `c.header()` after it, each of which makes hono rebuild the finished answer around a stream copy of its
 * body. Here every header goes on before the route runs, into the headers its answer is made with; only an answer
 * made without `c` gets them afterwards.
 */
export function publicEdge<P extends string>(
  load: (c: Context<AppEnv, P>) => Promise<PublicSubject>,
  publicUrl?: string,
): MiddlewareHandler<AppEnv, P> {
  const own = publicUrl && new URL(publicUrl).origin;
  return async (c, next) => {
    const { widget, booking } = await load(c);
    c.set("widget", widget);
    c.set("booking", booking);
    const origin = c.req.header("origin");
    refuseOrigin(c as Context<AppEnv>, origin, widget, own || undefined);
    corsHeaders(c.header, origin, widget);
    c.header("Vary", "Origin", { append: true });
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", ALLOW_METHODS);
      c.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
      c.header("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE));
      c.header("Vary", "Access-Control-Request-Headers", { append: true });
      return c.body(null, 204);
    }
    await next();
    const headers = c.res.headers;
    if (!headers.has("access-control-expose-headers")) {
      corsHeaders((name, value) => headers.set(name, value), origin, widget);
      headers.append("Vary", "Origin");
    }
  };
}
