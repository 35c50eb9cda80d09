/**
 * @module Cancelling a slot cancels its bookings (`slot_cancelled`), the admin cancels one (`admin`), the visitor
 * their own (`visitor`): status, reason, seats, follow-up rows, the manage page and the CSV agree, on every engine.
 */
import { describe, expect, it } from "vitest";
import { adminBookingSchema, bookingSchema } from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, TEST_ADMIN_KEY } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

describe.each(await testStores())("cancel reasons on $name", (factory) => {
  const t = useTestApi(factory);

  /** A widget with one slot of `capacity`, and a booking in it per email; their ids and manage tokens. */
  async function bookedSlot(emails: string[], capacity = 5) {
    const { widgetId, slotIds } = await t.seed({
      capacities: [capacity],
      widget: { notifyEmails: ["team@school.example"] },
    });
    const bookings: { id: string; token: string }[] = [];
    for (const email of emails) {
      const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { email }),
      });
      expect(res.status).toBe(201);
      const body = await res.json();
      bookings.push({ id: body.booking.id, token: body.manageToken });
    }
    return { widgetId, slotId: slotIds[0]!, bookings };
  }

  const adminBooking = async (id: string) =>
    adminBookingSchema.parse(await (await t.admin("GET", `/v1/admin/bookings/${id}`)).json());
  const remaining = async (widgetId: string) =>
    (await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json()).slots[0]?.remaining as number | undefined;
  const outboxEvents = async (bookingId: string) =>
    (await t.store.listOutbox(bookingId)).map((row) => `${row.event}:${row.target}`);

  describe.each([
    ["DELETE", (slotId: string) => t.admin("DELETE", `/v1/admin/slots/${slotId}`)],
    [
      "PATCH status cancelled",
      (slotId: string) => t.admin("PATCH", `/v1/admin/slots/${slotId}`, { status: "cancelled" }),
    ],
  ])("%s on a slot with bookings", (_name, cancelSlot) => {
    it("cancels its confirmed bookings with slot_cancelled, frees the seats and tells each visitor", async () => {
      const { slotId, bookings } = await bookedSlot(["a@example.com", "b@example.com", "c@example.com"]);
      const [a, b, c] = bookings;
      expect(
        (await t.call("POST", `/v1/bookings/${c!.id}/cancel`, { headers: { authorization: `Bearer ${c!.token}` } }))
          .status,
      ).toBe(200);

      const res = await cancelSlot(slotId);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "cancelled", booked: 0 });

      for (const { id } of [a!, b!]) {
        const booking = await adminBooking(id);
        expect(booking).toMatchObject({
          status: "cancelled",
          cancelReason: "slot_cancelled",
          email: expect.any(String),
        });
        expect(booking.cancelledAt).toBeDefined();
        expect(await outboxEvents(id)).toEqual(
          expect.arrayContaining(["slot.cancelled:visitor", "slot.cancelled:team"]),
        );
      }
      // The visitor's own cancel keeps its reason, and is not told a second time.
      expect(await adminBooking(c!.id)).toMatchObject({ status: "cancelled", cancelReason: "visitor" });
      expect(await outboxEvents(c!.id)).not.toContain("slot.cancelled:visitor");

      // The visitor sees it too: the manage page (manage.js) reads this answer and explains the reason.
      const own = await t.call("GET", `/v1/bookings/${a!.id}`, { headers: { authorization: `Bearer ${a!.token}` } });
      expect(bookingSchema.parse(await own.json())).toMatchObject({
        status: "cancelled",
        cancelReason: "slot_cancelled",
      });
    });
  });

  it("the CSV shows slot-cancelled bookings as cancelled, with a cancel_reason column", async () => {
    const { widgetId, slotId, bookings } = await bookedSlot(["a@example.com"]);
    await t.admin("DELETE", `/v1/admin/slots/${slotId}`);
    const [header, row] = (await (await t.admin("GET", `/v1/admin/bookings/export.csv?widgetId=${widgetId}`)).text())
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("id")).toBe(bookings[0]!.id);
    expect(cell("status")).toBe("cancelled");
    expect(cell("cancel_reason")).toBe("slot_cancelled");
  });

  it("a visitor's own cancel says visitor", async () => {
    const { bookings } = await bookedSlot(["a@example.com"]);
    const [a] = bookings;
    const res = await t.call("POST", `/v1/bookings/${a!.id}/cancel`, {
      headers: { authorization: `Bearer ${a!.token}` },
    });
    expect(await res.json()).toMatchObject({ status: "cancelled", cancelReason: "visitor" });
  });

  describe("POST /v1/admin/bookings/{id}/cancel", () => {
    it("cancels with admin, frees the seat, tells the visitor and the team; again answers the same", async () => {
      const { widgetId, bookings } = await bookedSlot(["a@example.com"], 1);
      const [a] = bookings;
      expect(await remaining(widgetId)).toBe(0);
      // No body at all, as `curl -X POST` sends it.
      const res = await t.call("POST", `/v1/admin/bookings/${a!.id}/cancel`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      expect(res.status).toBe(200);
      const cancelled = adminBookingSchema.parse(await res.json());
      expect(cancelled).toMatchObject({
        id: a!.id,
        status: "cancelled",
        cancelReason: "admin",
        email: "a@example.com",
      });
      expect(await remaining(widgetId)).toBe(1);
      expect(await outboxEvents(a!.id)).toEqual(
        expect.arrayContaining(["booking.cancelled:visitor", "booking.cancelled:team"]),
      );

      const again = await t.admin("POST", `/v1/admin/bookings/${a!.id}/cancel`, {});
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(cancelled);
      expect(await remaining(widgetId)).toBe(1); // the seat was given back once
      const own = await t.call("GET", `/v1/bookings/${a!.id}`, { headers: { authorization: `Bearer ${a!.token}` } });
      expect(await own.json()).toMatchObject({ status: "cancelled", cancelReason: "admin" });
    });

    it("with notify: false tells only the team", async () => {
      const { bookings } = await bookedSlot(["a@example.com"]);
      const res = await t.admin("POST", `/v1/admin/bookings/${bookings[0]!.id}/cancel`, { notify: false });
      expect(await res.json()).toMatchObject({ status: "cancelled", cancelReason: "admin" });
      const events = await outboxEvents(bookings[0]!.id);
      expect(events).toContain("booking.cancelled:team");
      expect(events).not.toContain("booking.cancelled:visitor");
    });

    it("answers an erased booking as it is, 404 for an unknown one, 422 for a bad body, 401 without a key", async () => {
      const { bookings } = await bookedSlot(["a@example.com"]);
      const erased = await (await t.admin("DELETE", `/v1/admin/bookings/${bookings[0]!.id}`)).json();
      const res = await t.admin("POST", `/v1/admin/bookings/${bookings[0]!.id}/cancel`, {});
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(erased);
      expect((await t.admin("POST", "/v1/admin/bookings/bkg_nope/cancel", {})).status).toBe(404);
      expect((await t.admin("POST", `/v1/admin/bookings/${bookings[0]!.id}/cancel`, { notify: "yes" })).status).toBe(
        422,
      );
      expect((await t.call("POST", `/v1/admin/bookings/${bookings[0]!.id}/cancel`)).status).toBe(401);
    });
  });
});
