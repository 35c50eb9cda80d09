/** @module Public GET answers a browser or CDN may keep for a while: ETag, 304 on `If-None-Match`, Cache-Control. */

import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import type { AppEnv } from "./env.js";

/**
 * The body's SHA-1 with node:crypto, in the request's own turn: hono's default, Web Crypto's `subtle.digest`, hands
 * each body to the thread pool and back, which measured ~40% of a GET config's time.
 */
const sha1 = (body: Uint8Array) => {
  const digest = createHash("sha1").update(body).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;
};

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

/**
 * A 304 carries only the headers hono's `etag()` keeps, and the browser reads it with the CORS headers of the 304
 * itself: without these it would drop the answer as a CORS failure. `X-Request-Id` stays for support.
 */
const KEPT_ON_304 = [
  ...RETAINED_304_HEADERS,
  "access-control-allow-origin",
  "access-control-expose-headers",
  "cdn-cache-control",
  "x-request-id",
];

/**
 * For GET and HEAD: a 200 gets `Cache-Control: public, max-age, stale-while-revalidate` and a weak ETag of its body
 * (hono's `etag()`, SHA-1), and a request whose `If-None-Match` names it gets a 304 with no body. Every other answer
 * (404, 403, 400, 503) gets `no-store`, so no cache keeps a refusal. Put it before the CORS middleware, so the 304
 * is made from an answer that has its CORS headers and `Vary: Origin` already. Weak: the tag stands for the JSON's
 * meaning, and stays right when a proxy compresses the bytes.
 *
 * @example app.use("/v1/widgets/:widgetId/slots", cacheable({ maxAge: 5, staleWhileRevalidate: 25 }), cors());
 */
export function cacheable({ maxAge, staleWhileRevalidate, sharedOnly }: CachePolicy): MiddlewareHandler<AppEnv> {
  const tag = etag({ weak: true, retainedHeaders: KEPT_ON_304, generateDigest: sha1 });
  const fresh = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
  const policy = sharedOnly ? "public, no-cache" : fresh;
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    // Set before `etag()` looks at the answer, so a 304 carries the same Cache-Control as the 200 it stands for.
    await tag(c, async () => {
      await next();
      c.res.headers.set("Cache-Control", c.res.status === 200 ? policy : "no-store");
      if (sharedOnly && c.res.status === 200) c.res.headers.set("CDN-Cache-Control", fresh);
    });
  };
}
