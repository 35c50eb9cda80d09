/** @module The public edge: per-widget CORS and origin refusal, rate limits, security headers, unknown routes, outages. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { parseSecret } from "../crypto/index.js";
import { createPostgresStore } from "../store/index.js";
import { testStores } from "../store/testing.js";
import { StoreUnavailableError } from "../store/types.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();

describe("public edge", () => {
  let t: TestApi;
  afterEach(() => t.cleanup());

  it("serves allowed origins with CORS headers and refuses every other origin with a readable 403", async () => {
    t = await makeTestApi(sqlite!);
    const { widgetId, slotIds } = await t.seed({ widget: { allowedOrigins: ["https://school.example"] } });
    const allowed = await t.call("GET", `/v1/widgets/${widgetId}`, { headers: { origin: "https://school.example" } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://school.example");
    expect(allowed.headers.get("vary")).toContain("Origin");
    // The old behaviour (200 without CORS headers for reads, 403 without them for writes) reached the widget as a
    // network error; now each public route refuses, and the browser may hand the refusal to the widget.
    const evil = { origin: "https://evil.example" };
    const refusals = [
      await t.call("GET", `/v1/widgets/${widgetId}`, { headers: evil }),
      await t.call("GET", `/v1/widgets/${widgetId}/slots`, { headers: evil }),
      await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!), headers: evil }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBe("https://evil.example");
      expect(refused.headers.get("vary")).toContain("Origin");
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      const text = await refused.text();
      expect(JSON.parse(text)).toMatchObject({ code: "origin_not_allowed", status: 403 });
      // No widget data: not its title, not its slots, not its allowed origins.
      expect(text).not.toMatch(/Demo class|school\.example|slot_/);
    }
    const list = await (await t.admin("GET", "/v1/admin/bookings")).json();
    expect(list.data).toHaveLength(0);
    // Without an Origin header (a server, curl) there is nothing to check.
    expect((await t.call("GET", `/v1/widgets/${widgetId}`)).status).toBe(200);
  });

  it("answers preflights for allowed origins and refuses others with CORS headers", async () => {
    t = await makeTestApi(sqlite!);
    const { widgetId } = await t.seed({ widget: { allowedOrigins: ["https://school.example"] } });
    const preflight = (origin: string) =>
      t.call("OPTIONS", `/v1/widgets/${widgetId}/bookings`, {
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,idempotency-key",
        },
      });
    const ok = await preflight("https://school.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    const no = await preflight("https://evil.example");
    expect(no.status).toBe(403);
    expect(no.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    expect((await no.json()).code).toBe("origin_not_allowed");
  });

  it("CORS headers survive error answers so the widget can read them", async () => {
    t = await makeTestApi(sqlite!);
    const { widgetId, slotIds } = await t.seed({ capacities: [1] });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    const full = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, { email: "x@example.com" }),
      headers: { origin: "https://any.example" },
    });
    expect(full.status).toBe(409);
    expect(full.headers.get("access-control-allow-origin")).toBe("https://any.example");
    const invalid = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: {},
      headers: { origin: "https://any.example" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("access-control-allow-origin")).toBe("https://any.example");
  });

  it("rate-limits booking attempts per client IP and widget with Retry-After and RateLimit-* headers", async () => {
    t = await makeTestApi(sqlite!, { rateLimitPerMinute: 3, trustProxy: true });
    const { widgetId, slotIds } = await t.seed({ capacities: [50] });
    const attempt = (ip: string, i: number) =>
      t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { email: `r${ip}${i}@example.com` }),
        headers: { "x-forwarded-for": `10.0.0.9, ${ip}` },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt("203.0.113.1", i)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await attempt("203.0.113.1", 9);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect((await limited.json()).code).toBe("rate_limited");
    expect((await attempt("203.0.113.2", 0)).status).toBe(201);
    t.setNow(new Date(Date.now() + 61_000));
    expect((await attempt("203.0.113.1", 10)).status).toBe(201);
  });

  it("sets security headers; the widget script may be loaded cross-origin", async () => {
    t = await makeTestApi(sqlite!);
    const api = await t.call("GET", "/healthz");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(api.headers.get("x-request-id")).toBeTruthy();
    const script = await t.call("GET", "/widget.js");
    expect(script.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(script.headers.get("content-type")).toContain("javascript");
    const etag = script.headers.get("etag")!;
    expect((await t.call("GET", "/widget.js", { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await t.call("GET", "/widget-zz.js")).status).toBe(404);
    expect((await t.call("GET", "/widget-..%2fpackage.js")).status).toBe(404);
  });

  it("serves the built widget and its language chunks with CORS, from the script's folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "slotbook-embed-"));
    await writeFile(join(dir, "widget.js"), "console.log('widget')");
    await writeFile(join(dir, "widget-es.js"), "export default {}");
    t = await makeTestApi(sqlite!, { widgetScriptPath: join(dir, "widget.js") });
    expect(await (await t.call("GET", "/widget.js")).text()).toBe("console.log('widget')");
    const chunk = await t.call("GET", "/widget-es.js");
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get("access-control-allow-origin")).toBe("*");
    expect(chunk.headers.get("content-type")).toContain("javascript");
    expect((await t.call("GET", "/widget-hi.js")).status).toBe(404);
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br", "br", brotliDecompressSync],
      ["gzip", "gzip", gunzipSync],
    ] as const) {
      const res = await t.call("GET", "/widget.js", { headers: { "accept-encoding": accept } });
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(res.headers.get("vary")).toContain("Accept-Encoding");
      expect(decode(Buffer.from(await res.arrayBuffer())).toString()).toBe("console.log('widget')");
    }
    await rm(dir, { recursive: true, force: true });
  });

  it("answers unknown routes and unexpected failures with problem+json and no internals", async () => {
    t = await makeTestApi(sqlite!);
    const missing = await t.call("GET", "/v2/whatever");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const { widgetId } = await t.seed();
    t.store.getWidget = async () => {
      throw new Error("SELECT * FROM widgets exploded at /work/server/x.ts:1");
    };
    const boom = await t.call("GET", `/v1/widgets/${widgetId}`);
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).not.toMatch(/SELECT|exploded|\.ts/);
    expect(JSON.parse(text).code).toBe("internal_error");
  });

  it("answers 503 from a real store that cannot reach its database", async () => {
    t = await makeTestApi(sqlite!);
    const down = createPostgresStore({ connectionString: "postgres://postgres@127.0.0.1:1/test" });
    const app = createApp({ store: down, keys: parseSecret(TEST_SECRET), log: false });
    for (const path of ["/v1/widgets/wgt_demo", "/v1/widgets/wgt_demo/slots", "/readyz"]) {
      const res = await app.request(path);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text).code).toBe("unavailable");
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|select/i);
    }
    await down.close();
  });

  it("answers 503 unavailable with Retry-After when the database is down", async () => {
    t = await makeTestApi(sqlite!);
    const { widgetId } = await t.seed();
    t.store.getWidget = async () => {
      throw new StoreUnavailableError("down");
    };
    t.store.ping = async () => {
      throw new StoreUnavailableError("down");
    };
    for (const path of [`/v1/widgets/${widgetId}`, "/readyz"]) {
      const res = await t.call("GET", path);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).code).toBe("unavailable");
    }
    expect((await t.call("GET", "/healthz")).status).toBe(200);
  });
});
