/** @module Public GET answers a browser or CDN may keep for a while: ETag, 304 on `If-None-Match`, Cache-Control. */

import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";

/** How long an answer stays fresh, then how long after that a cache may still serve it while it asks again. */
export interface CachePolicy {
  /** Seconds a cache may answer without asking (`max-age`). */
  maxAge: number;
  /** Seconds after that it may answer with the old copy while it revalidates in the background. */
  staleWhileRevalidate: number;
  /**
   * `true`: the freshness is for shared caches (CDNs) only, sent as `CDN-Cache-Control` (RFC 9213); browsers get
   * `public, no-cache` and revalidate every read (a cheap 304), so a page that reloads after a `slot_full` sees the
   * seat gone rather than its own cached copy.
   */
  sharedOnly?: boolean;
}

/** A route's cacheable answers: the middleware for the path, and the JSON answer its handler sends. */
export interface Cacheable {
  /** Every answer on the path other than a 200 or 304 (404, 403, 400, 503) gets `no-store`: no cache keeps a refusal. */
  middleware: MiddlewareHandler<AppEnv>;
  /**
   * `value` as JSON with a weak ETag of its text and the policy's Cache-Control, or a 304 with no body when
   * `If-None-Match` names that tag. Weak: the tag stands for the JSON's meaning, and stays right when a proxy
   * compresses the bytes. `{ remember: true }`: `value` is one object answered again and again (the widget's public
   * view, one object while the widget is cached) and never changes, so its text and tag are made once.
   */
  json(c: Context<AppEnv>, value: object, options?: { remember?: boolean }): Response;
}

const remembered = new WeakMap<object, { text: string; tag: string }>();

function textAndTag(value: object): { text: string; tag: string } {
  const text = JSON.stringify(value);
  return { text, tag: `W/"${createHash("sha1").update(text).digest("hex")}"` };
}

function rememberedTextAndTag(value: object): { text: string; tag: string } {
  let known = remembered.get(value);
  if (known === undefined) {
    known = textAndTag(value);
    remembered.set(value, known);
  }
  return known;
}

/** Whether `If-None-Match` names `tag`: weak comparison (a `W/` on either side is ignored), `*` names any. */
export function namesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = tag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((entry) => {
    const candidate = entry.trim();
    return candidate === "*" || candidate.replace(/^W\//, "") === opaque;
  });
}

/**
 * Caching for a public GET path. The answer is made in the handler from the JSON text itself, with every header
 * set before it is made: hono's `etag()` clones the finished answer to hash its body stream and rebuilds it, which
 * measured most of a GET config's CPU. The 304 keeps every header the 200 has but the body's (CORS, `Vary`, the tag,
 * Cache-Control, `X-Request-Id`): the browser reads it with the CORS headers of the 304 itself.
 *
 * @example
 * const slots = cacheable({ maxAge: 5, staleWhileRevalidate: 25 });
 * app.use("/v1/widgets/:widgetId/slots", slots.middleware);
 * app.get("/v1/widgets/:widgetId/slots", (c) => slots.json(c, list));
 */
export function cacheable({ maxAge, staleWhileRevalidate, sharedOnly }: CachePolicy): Cacheable {
  const fresh = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
  const policy = sharedOnly ? "public, no-cache" : fresh;
  return {
    middleware: async (c, next) => {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
      await next();
      const { status } = c.res;
      if (status !== 200 && status !== 304) c.res.headers.set("Cache-Control", "no-store");
    },
    json: (c, value, options) => {
      const { text, tag } = options?.remember ? rememberedTextAndTag(value) : textAndTag(value);
      c.header("ETag", tag);
      c.header("Cache-Control", policy);
      if (sharedOnly) c.header("CDN-Cache-Control", fresh);
      if (namesTag(c.req.header("if-none-match"), tag)) return c.body(null, 304);
      c.header("Content-Type", "application/json");
      return c.body(text, 200);
    },
  };
}
