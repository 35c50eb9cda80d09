/**
 * @module What the console reads and does beyond the plain admin API, on every store engine: the funnel beacons and
 * the insights built from them and from the bookings, attendance, the bookings filters and the CSV of a filter, the
 * email status.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  adminBookingSchema,
  bookingListSchema,
  emailStatusSchema,
  insightsSchema,
  problemSchema,
} from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();
const SITE = "https://school.example";

describe.each(engines)("console reads on $name", (factory) => {
  const t = useTestApi(factory);
  let now: Date;
  beforeEach(() => {
    now = new Date("2026-12-01T09:00:00.000Z");
    t.setNow(now);
  });

  const at = (iso: string) => {
    now = new Date(iso);
    t.setNow(now);
  };
  const beacon = (widgetId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.call("POST", `/v1/widgets/${widgetId}/events`, {
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "text/plain;charset=UTF-8", origin: SITE, ...headers },
    });
  const book = (widgetId: string, slotId: string, email: string, source?: string) =>
    t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotId, { email, ...(source ? { context: { utm: { source } } } : {}) }),
      headers: { origin: SITE },
    });
  const insights = async (query = "") =>
    insightsSchema.parse(await (await t.admin("GET", `/v1/admin/insights${query}`)).json());

  it("counts beacons sent as text/plain per widget, day and source, and keeps nothing per visitor", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [5], widget: { allowedOrigins: [SITE] } });
    for (const type of ["view", "view", "view", "slot_selected", "form_started"]) {
      const res = await beacon(widgetId, { type, utm: { source: "newsletter", medium: "email" } });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
      // sendBeacon is no-cors: Firefox blocks an answer whose CORP is same-origin (and says so in the console).
      expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    }
    expect((await beacon(widgetId, { type: "view" })).status).toBe(204);
    expect((await book(widgetId, slotIds[0]!, "ada@example.com", "newsletter")).status).toBe(201);

    const got = await insights();
    expect(got.funnel).toMatchObject({ views: 4, slotSelected: 1, formStarted: 1, booked: 1 });
    expect(got.funnel.byWidget).toEqual([{ widgetId, views: 4, slotSelected: 1, formStarted: 1, booked: 1 }]);
    expect(got.funnel.bySource).toEqual([
      { source: "newsletter", views: 3, slotSelected: 1, formStarted: 1, booked: 1 },
      { source: null, views: 1, slotSelected: 0, formStarted: 0, booked: 0 },
    ]);
    // The counters table holds only widget, day, source and counts.
    const rows = await t.store.funnelTotals("2026-12-01", "2026-12-01");
    expect(Object.keys(rows[0]!).sort()).toEqual(["formStarted", "slotSelected", "source", "views", "widgetId"]);
  });

  it("refuses a beacon of another type, from another origin, for an unknown widget, or too often", async () => {
    const { widgetId } = await t.seed({ widget: { allowedOrigins: [SITE] } });
    const wrong = await beacon(widgetId, { type: "purchase" });
    expect(wrong.status).toBe(422);
    expect(problemSchema.parse(await wrong.json()).issues?.[0]?.path).toEqual(["type"]);
    expect((await beacon(widgetId, "not json")).status).toBe(400);
    expect(
      (await beacon(widgetId, { type: "view" }, { "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(415);
    expect((await beacon(widgetId, { type: "view" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await beacon("wgt_nope", { type: "view" })).status).toBe(404);
    expect((await beacon(widgetId, { type: "view", utm: { source: "x".repeat(5000) } })).status).toBe(413);
    expect((await insights()).funnel.views).toBe(0);
  });

  it("limits beacons to 60 a minute per client and widget", async () => {
    const limited = await makeTestApi(factory, { rateLimitPerMinute: 20, now: () => now });
    try {
      const { widgetId } = await limited.seed({ widget: { allowedOrigins: [SITE] } });
      const send = () =>
        limited.call("POST", `/v1/widgets/${widgetId}/events`, {
          body: JSON.stringify({ type: "view" }),
          headers: { "content-type": "text/plain", origin: SITE },
        });
      for (let i = 0; i < 60; i++) expect((await send()).status).toBe(204);
      expect((await send()).status).toBe(429);
    } finally {
      await limited.cleanup();
    }
  });

  it("reports bookings per day with empty days, upcoming slots' fill, and booked per widget and source", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [4, 2] });
    const other = await t.seed({ capacities: [1], widget: { title: "Other" } });
    at("2026-11-29T10:00:00.000Z");
    await book(widgetId, slotIds[0]!, "a@example.com", "ads");
    at("2026-11-29T23:59:59.000Z");
    const cancelled = (await (await book(widgetId, slotIds[0]!, "b@example.com")).json()) as {
      booking: { id: string };
    };
    await t.admin("POST", `/v1/admin/bookings/${cancelled.booking.id}/cancel`, {});
    at("2026-12-01T08:00:00.000Z");
    await book(widgetId, slotIds[1]!, "c@example.com", "ads");
    await book(other.widgetId, other.slotIds[0]!, "d@example.com");

    const week = await insights("?days=7");
    expect(week.from).toBe("2026-11-25");
    expect(week.to).toBe("2026-12-01");
    expect(week.bookingsPerDay).toEqual([
      { day: "2026-11-25", bookings: 0, cancelled: 0 },
      { day: "2026-11-26", bookings: 0, cancelled: 0 },
      { day: "2026-11-27", bookings: 0, cancelled: 0 },
      { day: "2026-11-28", bookings: 0, cancelled: 0 },
      { day: "2026-11-29", bookings: 2, cancelled: 1 },
      { day: "2026-11-30", bookings: 0, cancelled: 0 },
      { day: "2026-12-01", bookings: 2, cancelled: 0 },
    ]);
    expect(new Map(week.upcoming.map((s) => [s.id, [s.booked, s.capacity]]))).toEqual(
      new Map([
        [slotIds[0], [1, 4]],
        [slotIds[1], [1, 2]],
        [other.slotIds[0], [1, 1]],
      ]),
    );
    expect(week.upcoming.map((s) => s.startsAt)).toEqual([...week.upcoming.map((s) => s.startsAt)].sort());
    expect(week.funnel.booked).toBe(4);
    expect(week.funnel.bySource.find((s) => s.source === "ads")?.booked).toBe(2);

    const one = await insights(`?days=1&widgetId=${other.widgetId}`);
    expect(one.bookingsPerDay).toEqual([{ day: "2026-12-01", bookings: 1, cancelled: 0 }]);
    expect(one.upcoming.map((s) => s.widgetId)).toEqual([other.widgetId]);
    expect((await t.admin("GET", "/v1/admin/insights?days=0")).status).toBe(400);
    expect((await t.admin("GET", "/v1/admin/insights?days=400")).status).toBe(400);
  });

  it("marks attendance once the class has started, clears it, refuses it for an erased booking; CSV carries it", async () => {
    const { widgetId, slotIds } = await t.seed();
    const made = (await (await book(widgetId, slotIds[0]!, "ada@example.com")).json()) as { booking: { id: string } };
    const id = made.booking.id;
    const early = await t.admin("PATCH", `/v1/admin/bookings/${id}`, { attendance: "attended" });
    expect(early.status).toBe(422);
    expect(problemSchema.parse(await early.json()).detail).toMatch(/not started/);
    at("2026-12-02T10:00:00.000Z");
    const marked = adminBookingSchema.parse(
      await (await t.admin("PATCH", `/v1/admin/bookings/${id}`, { attendance: "no_show" })).json(),
    );
    expect(marked.attendance).toBe("no_show");
    expect(adminBookingSchema.parse(await (await t.admin("GET", `/v1/admin/bookings/${id}`)).json()).attendance).toBe(
      "no_show",
    );
    const csv = await (await t.admin("GET", "/v1/admin/bookings/export.csv")).text();
    expect(csv.split("\r\n")[0]).toMatch(/,attendance$/);
    expect(csv.split("\r\n")[1]).toMatch(/,no_show$/);
    const cleared = adminBookingSchema.parse(
      await (await t.admin("PATCH", `/v1/admin/bookings/${id}`, { attendance: null })).json(),
    );
    expect(cleared.attendance).toBeUndefined();
    expect((await t.admin("PATCH", `/v1/admin/bookings/${id}`, { attendance: "maybe" })).status).toBe(422);
    await t.admin("DELETE", `/v1/admin/bookings/${id}`);
    expect((await t.admin("PATCH", `/v1/admin/bookings/${id}`, { attendance: "attended" })).status).toBe(422);
    expect((await t.admin("PATCH", "/v1/admin/bookings/bkg_nope", { attendance: "attended" })).status).toBe(404);
  });

  it("keeps the consent text the visitor agreed to, though the widget's changes later", async () => {
    const { widgetId, slotIds } = await t.seed({
      widget: { consent: { text: "You may call me about the class.", required: true } },
    });
    const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, { consent: true }),
    });
    expect(res.status).toBe(201);
    const { booking } = (await res.json()) as { booking: { id: string } };
    await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { consent: { text: "Reworded.", required: true } });
    const got = adminBookingSchema.parse(await (await t.admin("GET", `/v1/admin/bookings/${booking.id}`)).json());
    expect(got).toMatchObject({ consent: true, consentText: "You may call me about the class." });
    // Sealed with the rest of the personal data, and gone with it on erase.
    const erased = adminBookingSchema.parse(await (await t.admin("DELETE", `/v1/admin/bookings/${booking.id}`)).json());
    expect(erased.consentText).toBeUndefined();
  });

  it("filters bookings by booking time and status, and exports exactly the filtered ones as CSV", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [10] });
    at("2026-11-28T12:00:00.000Z");
    await book(widgetId, slotIds[0]!, "old@example.com");
    at("2026-11-30T12:00:00.000Z");
    const mid = (await (await book(widgetId, slotIds[0]!, "mid@example.com")).json()) as { booking: { id: string } };
    await t.admin("POST", `/v1/admin/bookings/${mid.booking.id}/cancel`, {});
    at("2026-12-01T08:00:00.000Z");
    await book(widgetId, slotIds[0]!, "new@example.com");

    const list = async (q: string) =>
      bookingListSchema.parse(await (await t.admin("GET", `/v1/admin/bookings?${q}`)).json()).data.map((b) => b.email);
    expect(await list("from=2026-11-29T00:00:00Z")).toEqual(["new@example.com", "mid@example.com"]);
    expect(await list("from=2026-11-29T00:00:00Z&to=2026-12-01T00:00:00%2B00:00")).toEqual(["mid@example.com"]);
    expect(await list("status=confirmed")).toEqual(["new@example.com", "old@example.com"]);
    expect((await t.admin("GET", "/v1/admin/bookings?from=yesterday")).status).toBe(400);

    const csv = await (
      await t.admin(
        "GET",
        `/v1/admin/bookings/export.csv?widgetId=${widgetId}&status=confirmed&from=2026-11-29T00:00:00Z`,
      )
    ).text();
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("new@example.com");
    const byEmail = await (await t.admin("GET", "/v1/admin/bookings/export.csv?email=OLD@example.com")).text();
    expect(
      byEmail
        .trim()
        .split("\r\n")
        .slice(1)
        .map((r) => r.includes("old@example.com")),
    ).toEqual([true]);
  });

  it("email status: no mailer on a bare app, and the failures and pending count from the outbox", async () => {
    const status = emailStatusSchema.parse(await (await t.admin("GET", "/v1/admin/email")).json());
    expect(status).toEqual({ transport: "none", from: "", pending: 0, failures: [] });
    const test = await t.admin("POST", "/v1/admin/email/test", { to: "me@school.example" });
    expect(await test.json()).toEqual({ sent: false, error: "This server was started without a mailer" });
    const { widgetId, slotIds } = await t.seed({ widget: { notifyEmails: ["team@school.example"] } });
    await book(widgetId, slotIds[0]!, "ada@example.com");
    const after = emailStatusSchema.parse(await (await t.admin("GET", "/v1/admin/email")).json());
    // The visitor's confirmation and the team's notice wait for a worker (none runs here), and nothing failed yet.
    expect(after.pending).toBeGreaterThanOrEqual(2);
    expect(after.failures).toEqual([]);
  });
});
