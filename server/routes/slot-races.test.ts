/** @module Admin slot writes (capacity change, cancel, delete) racing with bookings: no 5xx, and seats stay consistent. */
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { bookingBody } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();
// 12 bookings against one admin write: enough that, without the slot lock, PostgreSQL trips the capacity CHECK
// or the booking's foreign key within a few trials.
const BOOKINGS = 12;
const TRIALS = 6;

describe.each(engines)("admin slot writes racing with bookings on $name", (factory) => {
  const t = useTestApi(factory);

  /** Fires the bookings with `write` in the middle; returns every status and the booked ones' count. */
  async function race(widgetId: string, slotId: string, write: () => Promise<Response>) {
    const book = (i: number) =>
      t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotId, { email: `p${i}@example.com` }) });
    const half = Array.from({ length: BOOKINGS / 2 }, (_, i) => i);
    const answers = await Promise.all([
      ...half.map((i) => book(i)),
      write(),
      ...half.map((i) => book(i + BOOKINGS / 2)),
    ]);
    const statuses = answers.map((a) => a.status);
    return { statuses, created: statuses.filter((s) => s === 201).length, write: answers[BOOKINGS / 2]! };
  }

  async function slotState(widgetId: string, slotId: string) {
    const slots = (await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json()).slots as {
      id: string;
      booked: number;
      capacity: number;
      status: string;
    }[];
    const confirmed = (await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}&status=confirmed`)).json())
      .data as unknown[];
    return { slot: slots.find((s) => s.id === slotId), confirmed: confirmed.length };
  }

  it("a capacity cut during bookings never answers 5xx and never leaves more booked than capacity", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { widgetId, slotIds } = await t.seed({ capacities: [BOOKINGS] });
      const { statuses, created, write } = await race(widgetId, slotIds[0]!, () =>
        t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { capacity: 3 }),
      );
      expect(statuses.every((s) => s < 500)).toBe(true);
      const { slot, confirmed } = await slotState(widgetId, slotIds[0]!);
      expect(slot!.booked).toBeLessThanOrEqual(slot!.capacity);
      expect(slot!.booked).toBe(created);
      expect(confirmed).toBe(created);
      // Either the cut applied (and later bookings stopped at 3) or it was refused because more were booked.
      if (write.status === 200) expect(slot!.capacity).toBe(3);
      else expect(write.status).toBe(422);
    }
  });

  it("a delete during bookings never answers 5xx: the slot is deleted when empty, else cancelled with its bookings", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { widgetId, slotIds } = await t.seed({ capacities: [BOOKINGS] });
      const { statuses, created, write } = await race(widgetId, slotIds[0]!, () =>
        t.admin("DELETE", `/v1/admin/slots/${slotIds[0]}`),
      );
      expect(statuses.every((s) => s < 500)).toBe(true);
      const { slot, confirmed } = await slotState(widgetId, slotIds[0]!);
      // No booking is left confirmed: the ones made before the cancel were cancelled with it, none could come after.
      expect(confirmed).toBe(0);
      if (write.status === 204) {
        expect(slot).toBeUndefined();
        expect(created).toBe(0);
      } else {
        expect(write.status).toBe(200);
        expect(slot).toMatchObject({ status: "cancelled", booked: 0 });
        const cancelled = (
          await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}&status=cancelled`)).json()
        ).data as { cancelReason?: string }[];
        expect(cancelled).toHaveLength(created);
        expect(cancelled.every((b) => b.cancelReason === "slot_cancelled")).toBe(true);
      }
    }
  });
});
