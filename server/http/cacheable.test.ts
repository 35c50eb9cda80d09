/** @module Caching of the public config and slots (ETag, 304, Cache-Control, Vary) through app.request(), on every store. */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { bookingBody } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";
import { cacheable } from "./cacheable.js";
import type { AppEnv } from "./env.js";

const ORIGIN = "https://school.example";
const SLOTS_POLICY = "public, no-cache";
const SLOTS_CDN_POLICY = "public, max-age=5, stale-while-revalidate=25";
const CONFIG_POLICY = "public, max-age=60, stale-while-revalidate=120";

describe.each(await testStores())("cacheable public reads on $name", (factory) => {
  const t = useTestApi(factory);
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.call("GET", path, { headers: { origin: ORIGIN, ...headers } });
  const seed = () => t.seed({ capacities: [3], widget: { allowedOrigins: [ORIGIN] } });

  it("sends a weak ETag, the route's Cache-Control and Vary: Origin with a 200", async () => {
    const { widgetId } = await seed();
    for (const [path, policy, cdn] of [
      [`/v1/widgets/${widgetId}`, CONFIG_POLICY, null],
      [`/v1/widgets/${widgetId}/slots`, SLOTS_POLICY, SLOTS_CDN_POLICY],
    ] as const) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toMatch(/^W\/"[0-9a-f]{40}"$/);
      expect(res.headers.get("cache-control")).toBe(policy);
      // Slots: fresh for a CDN a few seconds, for the browser only after a revalidation.
      expect(res.headers.get("cdn-cache-control")).toBe(cdn);
      expect(res.headers.get("vary")).toContain("Origin");
      expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      // The same body, the same tag.
      expect((await get(path)).headers.get("etag")).toBe(res.headers.get("etag"));
      // Without an Origin (a server, a CDN's own probe) the answer still varies by it.
      expect((await t.call("GET", path)).headers.get("vary")).toContain("Origin");
    }
  });

  it("answers a matching If-None-Match with a 304: no body, but the tag, Cache-Control and CORS headers", async () => {
    const { widgetId } = await seed();
    for (const [path, policy, cdn] of [
      [`/v1/widgets/${widgetId}`, CONFIG_POLICY, null],
      [`/v1/widgets/${widgetId}/slots`, SLOTS_POLICY, SLOTS_CDN_POLICY],
    ] as const) {
      const tag = (await get(path)).headers.get("etag")!;
      // As a browser sends it, without the W/ prefix, and among other tags: each matches (weak comparison).
      for (const ifNoneMatch of [tag, tag.slice(2), `"other", ${tag}`]) {
        const res = await get(path, { "if-none-match": ifNoneMatch });
        expect(res.status).toBe(304);
        expect(await res.text()).toBe("");
        expect(res.headers.get("etag")).toBe(tag);
        expect(res.headers.get("cache-control")).toBe(policy);
        expect(res.headers.get("cdn-cache-control")).toBe(cdn);
        expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
        expect(res.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
        expect(res.headers.get("vary")).toContain("Origin");
        expect(res.headers.get("content-type")).toBeNull();
      }
      expect((await get(path, { "if-none-match": '"other"' })).status).toBe(200);
    }
  });

  it("gives the slots a new tag when a booking takes a seat, so the old tag gets a 200 with the seats left", async () => {
    const { widgetId, slotIds } = await seed();
    const path = `/v1/widgets/${widgetId}/slots`;
    const before = (await get(path)).headers.get("etag")!;
    const booked = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!),
      headers: { origin: ORIGIN },
    });
    expect(booked.status).toBe(201);
    // The booking itself is never publicly cacheable.
    expect(booked.headers.get("cache-control") ?? "").not.toContain("public");
    const after = await get(path, { "if-none-match": before });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    expect((await after.json()).slots[0]).toMatchObject({ id: slotIds[0], remaining: 2 });
  });

  it("gives the config a new tag when the widget is edited", async () => {
    const { widgetId } = await seed();
    const path = `/v1/widgets/${widgetId}`;
    const before = (await get(path)).headers.get("etag")!;
    expect((await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { title: "Evening class" })).status).toBe(200);
    const after = await get(path, { "if-none-match": before });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    expect((await after.json()).title).toBe("Evening class");
  });

  it("never lets a cache keep an error: 404, 403 and 400 are no-store, also with a tag that matched before", async () => {
    const { widgetId } = await seed();
    const config = `/v1/widgets/${widgetId}`;
    const slots = `/v1/widgets/${widgetId}/slots`;
    const configTag = (await get(config)).headers.get("etag")!;
    const slotsTag = (await get(slots)).headers.get("etag")!;
    const errors = [
      [await get("/v1/widgets/wgt_nope"), 404],
      [await get("/v1/widgets/wgt_nope/slots"), 404],
      [await get(`${slots}?from=yesterday`), 400],
      [await t.call("GET", config, { headers: { origin: "https://evil.example", "if-none-match": configTag } }), 403],
      [await t.call("GET", slots, { headers: { origin: "https://evil.example", "if-none-match": slotsTag } }), 403],
    ] as const;
    await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { status: "paused" });
    const paused = [
      [await get(config, { "if-none-match": configTag }), 404],
      [await get(slots, { "if-none-match": slotsTag }), 404],
    ] as const;
    for (const [res, status] of [...errors, ...paused]) {
      expect(res.status).toBe(status);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
      expect(res.headers.get("vary")).toContain("Origin");
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("cacheable().json", () => {
  const policy = cacheable({ maxAge: 5, staleWhileRevalidate: 25 });
  const value = { seats: 1 };
  const app = new Hono<AppEnv>()
    .get("/fresh", (c) => policy.json(c, value))
    .get("/remembered", (c) => policy.json(c, value, { remember: true }));
  const tag = async (path: string) => (await app.request(path)).headers.get("etag");

  it("tags the value as it is now, unless told the object never changes", async () => {
    const fresh = await tag("/fresh");
    const remembered = await tag("/remembered");
    expect(remembered).toBe(fresh);
    value.seats = 2;
    // A value made anew per request (a slots list) is tagged by what it holds today…
    expect(await tag("/fresh")).not.toBe(fresh);
    // …one that is remembered keeps the text and tag made the first time.
    expect(await tag("/remembered")).toBe(remembered);
  });
});
