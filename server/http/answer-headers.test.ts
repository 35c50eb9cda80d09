/**
 * @module The headers every answer carries (hono's security headers, `X-Request-Id`, the default CORP) on each kind
 * of answer, with CORS and the limiter's headers where they belong, through app.request().
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { afterEach, describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();
const ORIGIN = "https://school.example";
/** What hono's secureHeaders() sets, as the app uses it (CORP is the app's own, per route). */
const secured = new Hono().use(secureHeaders({ crossOriginResourcePolicy: false })).get("/", (c) => c.body(null));
const SECURITY_HEADERS: Record<string, string> = Object.fromEntries((await secured.request("/")).headers);

/** The headers an answer must carry whatever made it. */
function expectOwnHeaders(res: Response, corp = "same-origin") {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get("cross-origin-resource-policy")).toBe(corp);
  expect(res.headers.get("x-request-id")).toMatch(/^[\w\-=]{1,255}$/);
}

describe("the headers of every answer", () => {
  let running: TestApi | undefined;
  afterEach(async () => {
    await running?.cleanup();
    running = undefined;
  });
  const use = async (made: Promise<TestApi>) => {
    running = await made;
    return running;
  };

  it("are hono's secure defaults, the ones that matter pinned here so an upgrade cannot weaken them unseen", () => {
    expect(SECURITY_HEADERS).toMatchObject({
      "strict-transport-security": "max-age=15552000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(Object.keys(SECURITY_HEADERS).length).toBeGreaterThan(5);
  });

  it("are on a booking, its replay, the config, slots, a 304, a preflight, errors and the other routes", async () => {
    // A limit on, so the booking's 201 must carry the limiter's headers too.
    const t = await use(makeTestApi(sqlite!, { rateLimitPerMinute: 5 }));
    const { widgetId, slotIds } = await t.seed({ widget: { allowedOrigins: [ORIGIN] } });
    const headers = { origin: ORIGIN, "idempotency-key": "answer-headers-1" };
    const body = bookingBody(slotIds[0]!);
    const booked = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body, headers });
    expect(booked.status).toBe(201);
    expectOwnHeaders(booked);
    expect(booked.headers.get("content-type")).toBe("application/json");
    expect(booked.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(booked.headers.get("access-control-expose-headers")).toContain("Idempotent-Replayed");
    expect(booked.headers.get("vary")).toBe("Origin");
    expect(booked.headers.get("ratelimit-limit")).toBe("5");
    expect(booked.headers.get("ratelimit-remaining")).toBe("4");
    expect(booked.headers.get("idempotent-replayed")).toBeNull();
    const replayed = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body, headers });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.headers.get("ratelimit-remaining")).toBe("3");
    expectOwnHeaders(replayed);

    const config = await t.call("GET", `/v1/widgets/${widgetId}`, { headers: { origin: ORIGIN } });
    expectOwnHeaders(config);
    expect(config.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const again = await t.call("GET", `/v1/widgets/${widgetId}`, {
      headers: { origin: ORIGIN, "if-none-match": config.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expectOwnHeaders(again);
    expect(again.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expectOwnHeaders(await t.call("GET", `/v1/widgets/${widgetId}/slots`, { headers: { origin: ORIGIN } }));

    const preflight = await t.call("OPTIONS", `/v1/widgets/${widgetId}/bookings`, {
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expectOwnHeaders(preflight);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("vary")).toBe("Origin, Access-Control-Request-Headers");

    // Errors: a 422 on a public route keeps its CORS and limiter headers, so the widget can read it.
    const refused = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: { slotId: slotIds[0] },
      headers: { origin: ORIGIN },
    });
    expect(refused.status).toBe(422);
    expectOwnHeaders(refused);
    expect(refused.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(refused.headers.get("ratelimit-remaining")).toBe("2");
    expect(refused.headers.get("vary")).toBe("Origin");
    expectOwnHeaders(await t.call("GET", "/v1/nothing-here"));
    expectOwnHeaders(await t.call("GET", "/healthz"));
    expectOwnHeaders(await t.admin("GET", "/v1/admin/widgets"));
    expectOwnHeaders(await t.call("GET", "/widget.js"), "cross-origin");
  });

  it("keep a caller's X-Request-Id that is fit to log, and replace one that is not", async () => {
    const t = await use(makeTestApi(sqlite!));
    const { widgetId } = await t.seed();
    for (const path of ["/healthz", `/v1/widgets/${widgetId}`]) {
      const kept = await t.call("GET", path, { headers: { "x-request-id": "trace-42=a" } });
      expect(kept.headers.get("x-request-id")).toBe("trace-42=a");
      const replaced = await t.call("GET", path, { headers: { "x-request-id": "no spaces; or <tags>" } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      const tooLong = await t.call("GET", path, { headers: { "x-request-id": "a".repeat(256) } });
      expect(tooLong.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
