/** @module CORS for the public routes, per widget: headers only for allowed origins, and writes from other browser origins refused. */
import type { Context, MiddlewareHandler } from "hono";
import type { Widget } from "../../sdk/index.js";
import { ApiError } from "./api-error.js";
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
 * Loads the widget the request is about (kept as `c.var.widget` for the handler), answers preflights,
 * adds CORS headers for allowed origins, and refuses non-GET requests from other browser origins with 403.
 */
export function publicCors(resolve: (c: Context<AppEnv>) => Promise<Widget | undefined>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const widget = await resolve(c);
    c.set("widget", widget);
    const origin = c.req.header("origin");
    c.header("Vary", "Origin", { append: true });
    if (!origin) return next();
    // An unknown widget answers 404 either way; letting the browser read that 404 leaks nothing.
    const allowed = !widget || originAllowed(widget, origin);
    if (allowed) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", EXPOSED);
    }
    if (c.req.method === "OPTIONS") {
      if (!allowed) throw new ApiError("origin_not_allowed", `${origin} may not use this widget`);
      c.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      c.header("Access-Control-Allow-Headers", "Content-Type, Authorization, Idempotency-Key");
      c.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
      return c.body(null, 204);
    }
    if (!allowed && c.req.method !== "GET" && c.req.method !== "HEAD") {
      throw new ApiError("origin_not_allowed", `${origin} may not use this widget`);
    }
    return next();
  };
}
