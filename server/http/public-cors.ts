/**
 * @module The public routes' edge, in three steps: load what the request is about once (the widget, or the booking
 * and its widget), refuse an origin that widget does not allow with a readable 403, and serve CORS to the rest with
 * hono's `cors()`.
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
 * to (or the origin is the public URL's, given to `originGuard`). Hosts, not origins: behind a TLS proxy the page is
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

/** Step 1: load the request's widget (and booking) once and keep them as `c.var.widget` and `c.var.booking`. */
export function loadSubject<P extends string>(
  load: (c: Context<AppEnv, P>) => Promise<PublicSubject>,
): MiddlewareHandler<AppEnv, P> {
  return async (c, next) => {
    const { widget, booking } = await load(c);
    c.set("widget", widget);
    c.set("booking", booking);
    return next();
  };
}

/**
 * Step 2: a browser origin the widget does not allow (our own pages' origin is always allowed) gets `403 origin_not_allowed` on every method, before any
 * handler sees widget data. The CORS headers on it let the widget read the refusal and name the origin to the
 * visitor, where without them the browser would report a network error. It runs before `cors()` because that one
 * answers preflights itself, without calling on; a refused preflight is a 403 too (browsers treat it as a network
 * error whatever it says, but the widget's reads are simple requests and learn of the refusal first).
 */
export function originGuard(publicUrl?: string): MiddlewareHandler<AppEnv> {
  const own = publicUrl && new URL(publicUrl).origin;
  return async (c, next) => {
    const origin = c.req.header("origin");
    const widget = c.get("widget");
    if (origin && widget && !originAllowed(widget, origin) && origin !== own && !sameHost(origin, c.req.url)) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", EXPOSED.join(", "));
      c.header("Vary", "Origin", { append: true });
      throw new DomainError("origin_not_allowed", `${origin} is not in this widget's allowed origins`);
    }
    return next();
  };
}

/** What a preflight may ask for. */
const ALLOW_METHODS = "GET, POST, OPTIONS";
const ALLOW_HEADERS = "Content-Type, Authorization, Idempotency-Key";
const EXPOSED_LIST = EXPOSED.join(", ");

/**
 * Step 3: CORS for the origins left, per widget (read from the context): the allowed origin echoed, our headers
 * exposed, `Vary: Origin` always (a cache must not hand one site's answer to another), and preflights answered here.
 * An unknown widget answers 404 either way, and letting the browser read that 404 leaks nothing.
 *
 * By hand rather than hono's `cors()`, for the cost: that one sets headers on `c.res` before the route runs and
 * appends `Vary` through `c.header()` after it, and each makes hono rebuild the finished answer around a stream copy
 * of its body (measured: a third of a public request's CPU). Here every header goes on before the route runs, into
 * the headers the route's answer is made with; only an answer made without `c` gets them afterwards.
 */
export function widgetCors(): MiddlewareHandler<AppEnv> {
  const apply = (set: (name: string, value: string) => void, origin: string | undefined, widget?: Widget) => {
    if (origin && (!widget || originAllowed(widget, origin))) set("Access-Control-Allow-Origin", origin);
    set("Access-Control-Expose-Headers", EXPOSED_LIST);
  };
  return async (c, next) => {
    const origin = c.req.header("origin");
    apply(c.header, origin, c.get("widget"));
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
      apply((name, value) => headers.set(name, value), origin, c.get("widget"));
      headers.append("Vary", "Origin");
    }
  };
}
