/** @module Racing writes on one booking (cancel, reschedule, erase at once) keep every slot's seat count equal to its confirmed bookings. */
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { bookingBody } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();

describe.each(engines)("seat accounting under racing writes on $name", (factory) => {
  const t = useTestApi(factory);

  it("cancel, reschedule and erase of one booking at once leave counters equal to confirmed bookings", async () => {
    for (let trial = 0; trial < 8; trial++) {
      const { widgetId, slotIds } = await t.seed({ capacities: [5, 5, 5] });
      const book = async (email: string) =>
        (
          await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!, { email }) })
        ).json();
      await book("x@example.com");
      const { booking, manageToken } = await book("a@example.com");
      const headers = { authorization: `Bearer ${manageToken}` };
      const answers = await Promise.all([
        t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers }),
        t.call("POST", `/v1/bookings/${booking.id}/reschedule`, { body: { slotId: slotIds[1] }, headers }),
        t.admin("DELETE", `/v1/admin/bookings/${booking.id}`),
        t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers }),
        t.call("POST", `/v1/bookings/${booking.id}/reschedule`, { body: { slotId: slotIds[2] }, headers }),
      ]);
      for (const answer of answers) expect(answer.status).toBeLessThan(500);
      const slots = (await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json()).slots as {
        id: string;
        booked: number;
      }[];
      const confirmed = (
        await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}&status=confirmed`)).json()
      ).data as { slot: { id: string } }[];
      const expected = slotIds.map((id) => confirmed.filter((b) => b.slot.id === id).length);
      expect(slots.map((s) => s.booked)).toEqual(expected);
    }
  });
});
