/** @module Manage routes (read, cancel, reschedule, invite.ics) and the manage page, on every store engine. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { parseSecret } from "../crypto/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, TEST_ADMIN_KEY, TEST_SECRET, type TestApi } from "../testing/api-harness.js";

const engines = await testStores();

describe.each(engines)("manage routes on $name", (factory) => {
  let t: TestApi;
  let widgetId: string;
  let slotIds: string[];
  let booking: { id: string };
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const remaining = async () =>
    ((await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json()).slots as { remaining: number }[]).map(
      (s) => s.remaining,
    );

  beforeEach(async () => {
    t = await makeTestApi(factory);
    ({ widgetId, slotIds } = await t.seed({ capacities: [2, 1, 2] }));
    const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    ({ booking, manageToken: token } = await res.json());
  });
  afterEach(() => t.cleanup());

  it("reads the booking with the token (header or query), without personal data", async () => {
    const res = await t.call("GET", `/v1/bookings/${booking.id}`, { headers: auth() });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: booking.id, status: "confirmed", slot: { id: slotIds[0] } });
    expect(JSON.stringify(body)).not.toContain("ada@example.com");
    expect((await t.call("GET", `/v1/bookings/${booking.id}?token=${token}`)).status).toBe(200);
  });

  it("answers 401 without or with a wrong token, 404 for an unknown booking", async () => {
    expect((await t.call("GET", `/v1/bookings/${booking.id}`)).status).toBe(401);
    const wrong = await t.call("POST", `/v1/bookings/${booking.id}/cancel`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe("unauthorized");
    expect((await t.call("GET", "/v1/bookings/bkg_unknown", { headers: auth() })).status).toBe(404);
    expect(await remaining()).toEqual([1, 1, 2]);
  });

  it("cancels: the seat is free again, and cancelling twice is harmless", async () => {
    const res = await t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers: auth() });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("cancelled");
    expect(body.cancelledAt).toBeTruthy();
    expect(await remaining()).toEqual([2, 1, 2]);
    expect((await (await t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers: auth() })).json()).status).toBe(
      "cancelled",
    );
    expect(await remaining()).toEqual([2, 1, 2]);
    // the same email may book the slot again
    expect((await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) })).status).toBe(
      201,
    );
  });

  it("reschedules atomically: new seat taken, old seat freed", async () => {
    const res = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
      headers: auth(),
      body: { slotId: slotIds[2] },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).slot.id).toBe(slotIds[2]);
    expect(await remaining()).toEqual([2, 1, 1]);
  });

  it("a failed reschedule changes nothing", async () => {
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[1]!, { email: "b@example.com" }),
    });
    const full = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
      headers: auth(),
      body: { slotId: slotIds[1] },
    });
    expect(full.status).toBe(409);
    expect((await full.json()).code).toBe("slot_full");
    const other = await t.seed();
    const foreign = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
      headers: auth(),
      body: { slotId: other.slotIds[0] },
    });
    expect((await foreign.json()).code).toBe("slot_unavailable");
    const invalid = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
      headers: auth(),
      body: { slotId: 5 },
    });
    expect(invalid.status).toBe(422);
    expect(await remaining()).toEqual([1, 0, 2]);
    const current = await (await t.call("GET", `/v1/bookings/${booking.id}`, { headers: auth() })).json();
    expect(current.slot.id).toBe(slotIds[0]);
  });

  it("refuses to reschedule into a slot where the same email already has a seat", async () => {
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[2]!) });
    const res = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
      headers: auth(),
      body: { slotId: slotIds[2] },
    });
    expect((await res.json()).code).toBe("already_booked");
    expect(await remaining()).toEqual([1, 1, 1]);
  });

  it("during a key rotation, refuses to reschedule into a slot the same email holds under the older key", async () => {
    const newKey = Buffer.alloc(32, 9).toString("base64");
    const rotated = createApp({
      store: t.store,
      keys: parseSecret(`${newKey},${TEST_SECRET}`),
      adminKey: TEST_ADMIN_KEY,
      rateLimitPerMinute: 0,
      log: false,
    });
    // `booking` (slot 0) was made under the old key; a new booking in slot 2 is made under the new key.
    const made = await rotated.request(`/v1/widgets/${widgetId}/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(bookingBody(slotIds[2]!)),
    });
    const { booking: second, manageToken: secondToken } = await made.json();
    const res = await rotated.request(`/v1/bookings/${second.id}/reschedule`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secondToken}` },
      body: JSON.stringify({ slotId: slotIds[0] }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe("already_booked");
    expect(await remaining()).toEqual([1, 1, 1]);
  });

  it("serves an RFC 5545 invite; a cancelled booking gets a CANCEL", async () => {
    const res = await t.call("GET", `/v1/bookings/${booking.id}/invite.ics?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("SUMMARY:Demo class");
    expect(ics).toContain(`UID:${booking.id}@slotbook`);
    expect(ics).toContain("METHOD:PUBLISH");
    await t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers: auth() });
    expect(await (await t.call("GET", `/v1/bookings/${booking.id}/invite.ics?token=${token}`)).text()).toContain(
      "METHOD:CANCEL",
    );
    expect((await t.call("GET", `/v1/bookings/${booking.id}/invite.ics`)).status).toBe(401);
  });

  it("the invite turns into a CANCEL when the school cancels the slot, which cancels the booking with it", async () => {
    const invite = async () => (await t.call("GET", `/v1/bookings/${booking.id}/invite.ics?token=${token}`)).text();
    expect(await invite()).toContain("METHOD:PUBLISH");
    expect((await t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { status: "cancelled" })).status).toBe(200);
    const ics = await invite();
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(await (await t.call("GET", `/v1/bookings/${booking.id}`, { headers: auth() })).json()).toMatchObject({
      status: "cancelled",
      cancelReason: "slot_cancelled",
    });
    // Opening the slot again does not book anyone back in: the visitor was told it is off.
    expect((await t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { status: "active" })).status).toBe(200);
    expect(await invite()).toContain("METHOD:CANCEL");
    expect((await t.admin("DELETE", `/v1/admin/slots/${slotIds[0]}`)).status).toBe(200);
    expect(await invite()).toContain("METHOD:CANCEL");
  });

  it("the invite without a token: 404 for an unknown booking, 401 with WWW-Authenticate for a known one", async () => {
    const unknown = await t.call("GET", "/v1/bookings/bkg_nope/invite.ics");
    expect(unknown.status).toBe(404);
    const none = await t.call("GET", `/v1/bookings/${booking.id}/invite.ics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    const wrong = await t.call("GET", `/v1/bookings/${booking.id}/invite.ics?token=mt_wrong`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("a paused widget still limits the origins that may manage its bookings", async () => {
    const limited = await t.seed({ widget: { allowedOrigins: ["https://school.example"] } });
    const made = await t.call("POST", `/v1/widgets/${limited.widgetId}/bookings`, {
      body: bookingBody(limited.slotIds[0]!),
      headers: { origin: "https://school.example" },
    });
    const { booking: own, manageToken } = await made.json();
    expect((await t.admin("PATCH", `/v1/admin/widgets/${limited.widgetId}`, { status: "paused" })).status).toBe(200);
    const headers = (origin: string) => ({ origin, authorization: `Bearer ${manageToken}` });
    // Reads are refused like writes (they used to answer 200 without CORS headers), readably, with no booking data.
    const read = await t.call("GET", `/v1/bookings/${own.id}`, { headers: headers("https://evil.example") });
    expect(read.status).toBe(403);
    expect(read.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    const readText = await read.text();
    expect(JSON.parse(readText).code).toBe("origin_not_allowed");
    expect(readText).not.toContain(own.slot.id);
    const preflight = await t.call("OPTIONS", `/v1/bookings/${own.id}/cancel`, {
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    const cancel = await t.call("POST", `/v1/bookings/${own.id}/cancel`, { headers: headers("https://evil.example") });
    expect(cancel.status).toBe(403);
    expect((await cancel.json()).code).toBe("origin_not_allowed");
    expect((await (await t.admin("GET", `/v1/admin/bookings/${own.id}`)).json()).status).toBe("confirmed");
    const fromSchool = await t.call("GET", `/v1/bookings/${own.id}`, { headers: headers("https://school.example") });
    expect(fromSchool.headers.get("access-control-allow-origin")).toBe("https://school.example");
  });

  it("the manage page is manage.js's shell: strict CSP, no Referer, never stored, the booking given as data", async () => {
    const page = await t.call("GET", `/manage/${booking.id}?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://book.test");
    expect(csp).toContain("style-src 'self' https://book.test");
    expect(csp).toContain("connect-src 'self' https://book.test");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="https://book.test/manage.js"></script>');
    expect(html).toContain(`data-slotbook-manage="${booking.id}"`);
    expect(html).toContain(`data-token="${token}"`);
    // No inline script or style for the CSP to refuse.
    expect(html).not.toMatch(/<script>|<style|style="/);
  });

  it("the manage page's status tells a wrong token (401) and an unknown booking (404); a reload without one is 200", async () => {
    for (const [path, status] of [
      [`/manage/${booking.id}?token=wrong`, 401],
      [`/manage/bkg_unknown?token=${token}`, 404],
      [`/manage/${booking.id}`, 200],
    ] as const) {
      const page = await t.call("GET", path);
      expect(page.status, path).toBe(status);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.headers.get("referrer-policy")).toBe("no-referrer");
      expect(page.headers.get("cache-control")).toBe("private, no-store");
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    }
    // The token is escaped into its attribute, never markup.
    expect(await (await t.call("GET", `/manage/${booking.id}?token=%22%3E%3Cscript%3E`)).text()).not.toContain(
      '"><script>',
    );
  });

  it("the manage page's own origin may manage a booking whose widget allows only the school's site", async () => {
    const limited = await t.seed({ widget: { allowedOrigins: ["https://school.example"] } });
    const made = await t.call("POST", `/v1/widgets/${limited.widgetId}/bookings`, {
      body: bookingBody(limited.slotIds[0]!),
      headers: { origin: "https://school.example" },
    });
    const { booking: own, manageToken } = await made.json();
    const headers = { origin: "https://book.test", authorization: `Bearer ${manageToken}` };
    const cancelled = await t.call("POST", `/v1/bookings/${own.id}/cancel`, { headers });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("cancelled");
    // Another site still may not.
    const other = await t.call("GET", `/v1/bookings/${own.id}`, {
      headers: { ...headers, origin: "https://book.test.evil.example" },
    });
    expect(other.status).toBe(403);
  });
});
