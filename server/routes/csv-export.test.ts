/** @module A large CSV export leaves room for other requests: they are answered while it streams, on every engine. */
import { describe, expect, it } from "vitest";
import { hashToken, parseSecret } from "../crypto/index.js";
import { sealPersonalData } from "../domain/booking-view.js";
import { newId } from "../ids.js";
import { testStores } from "../store/testing.js";
import type { BookingRow } from "../store/types.js";
import { TEST_SECRET } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

// 3,000 bookings: six of the export's 500-row pages, enough to tell "between pages" from "after the last one".
const BOOKINGS = 3000;

describe.each(await testStores())("CSV export on $name", (factory) => {
  const t = useTestApi(factory);

  /** Stores `count` bookings sealed as the domain seals them, in one transaction (the API would take minutes). */
  async function storeBookings(count: number): Promise<string> {
    const { widgetId, slotIds } = await t.seed({ capacities: [1] });
    const keys = parseSecret(TEST_SECRET);
    const now = new Date().toISOString();
    await t.store.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const id = newId("bkg");
        const email = `visitor${i}@example.com`;
        const row: BookingRow = {
          id,
          widgetId,
          slotId: slotIds[0]!,
          // Cancelled: no seat is counted, so any number fits the slot.
          status: "cancelled",
          emailIndex: `idx_${i}`,
          pii: sealPersonalData(keys, id, { name: `Visitor ${i}`, email }),
          tokenHash: hashToken(`mt_${i}`),
          createdAt: now,
          updatedAt: now,
          cancelledAt: now,
          cancelReason: "visitor",
          erasedAt: null,
          source: null,
          attendance: null,
        };
        await tx.insertBooking(row);
      }
    });
    return widgetId;
  }

  it("answers a request that arrives while it streams before the export ends", async () => {
    const widgetId = await storeBookings(BOOKINGS);
    const res = await t.admin("GET", `/v1/admin/bookings/export.csv?widgetId=${widgetId}`);
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let linesRead = 0;
    let linesWhenAnswered: number | undefined;
    // Another visitor's request arrives as an I/O event does: on a later turn of the event loop, not in this one.
    setImmediate(() => {
      void t.call("GET", "/healthz").then((health) => {
        expect(health.status).toBe(200);
        linesWhenAnswered = linesRead;
      });
    });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      linesRead += value.split("\r\n").length - 1;
    }
    expect(linesRead).toBe(BOOKINGS + 1);
    // Answered while the export was still being read, not queued behind all of it.
    expect(linesWhenAnswered).toBeDefined();
    expect(linesWhenAnswered).toBeLessThan(BOOKINGS + 1);
  }, 60_000);
});
