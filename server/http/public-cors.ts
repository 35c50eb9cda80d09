/** @module CORS for the public routes, per widget: allowed origins are served, other browser origins get a readable 403. */
import type { Context, MiddlewareHandler } from "hono";
import type { Widget } from "../../sdk/index.js";
import { DomainError } from "../domain/domain-error.js";
import type { AppEnv } from "./env.js";

/** Headers the widget reads from our answers. */
const EXPOSED = "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, X-Request-Id";
/** 10 min: browsers cap preflight caching near there anyway (Chromium: 2 h, Firefox: 24 h). */
const PREFLIGHT_MAX_AGE = "600";

/** True when `origin` may embed the widget. */
export function originAllowed(widget: Pick<Widget, "allowedOrigins">, origin: string): boolean {
  return widget.allowedOrigins.includes("*") || widget.allowedOrigins.includes(origin);
}

/**
 * Loads the widget the request is about (kept as `c.var.widget` for the handler), answers preflights, and sends
 * CORS headers to every browser origin. An origin the widget does not allow gets `403 origin_not_allowed` on every
 * method, before the handler runs, so it never sees widget data; the CORS headers on that 403 let the widget read
 * the refusal and name the origin to the visitor, where without them the browser would report a network error.
 */
export function publicCors(resolve: (c: Context<AppEnv>) => Promise<Widget | undefined>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const widget = await resolve(c);
    c.set("widget", widget);
    const origin = c.req.header("origin");
    c.header("Vary", "Origin", { append: true });
    if (!origin) return next();
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Access-Control-Expose-Headers", EXPOSED);
    // An unknown widget answers 404 either way; letting the browser read that 404 leaks nothing.
    if (widget && !originAllowed(widget, origin)) {
      // A preflight is refused too: browsers treat any non-2xx preflight as a network error, but the widget's reads
      // are simple requests (no preflight), so it learns of the refusal from them before it ever sends a booking.
      throw new DomainError("origin_not_allowed", `${origin} is not in this widget's allowed origins`);
    }
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      c.header("Access-Control-Allow-Headers", "Content-Type, Authorization, Idempotency-Key");
      c.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
      return c.body(null, 204);
    }
    return next();
  };
}
