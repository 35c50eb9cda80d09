/**
 * @module `Store.bookSeat` on every engine: the seat and every row in one write, nothing written without a seat, a
 * changed slot or endpoint list takes no seat, and (SQLite's group commit) one booking's unique violation in a group
 * is its own answer while the others commit.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { testStores } from "./testing.js";
import {
  type BookingRow,
  type OutboxRow,
  type SeatBooking,
  type Store,
  UniqueViolationError,
  webhookFingerprint,
} from "./types.js";

const T0 = "2026-12-01T09:00:00.000Z";
const START = "2026-12-02T09:00:00.000Z";
const END = "2026-12-02T10:00:00.000Z";

function plan(
  n: number,
  over: { email?: string; key?: string; startsAt?: string; webhooks?: string } = {},
): SeatBooking {
  const booking: BookingRow = {
    id: `bkg_${n}`,
    widgetId: "wgt_a",
    slotId: "slot_a",
    status: "confirmed",
    emailIndex: over.email ?? `email-${n}`,
    pii: `sealed-${n}`,
    tokenHash: `hash-${n}`,
    createdAt: T0,
    updatedAt: T0,
    cancelledAt: null,
    cancelReason: null,
    erasedAt: null,
    source: "bench",
    attendance: null,
  };
  const outbox: OutboxRow = {
    id: `obx_${n}`,
    kind: "email",
    event: "booking.created",
    bookingId: booking.id,
    widgetId: "wgt_a",
    target: "visitor",
    payload: null,
    sealed: `facts-${n}`,
    dueAt: T0,
    status: "pending",
    attempts: 0,
    leaseUntil: null,
    lastError: null,
    eventId: null,
    lastStatus: null,
    createdAt: T0,
    updatedAt: T0,
  };
  return {
    now: T0,
    slot: { id: "slot_a", widgetId: "wgt_a", startsAt: over.startsAt ?? START, endsAt: END },
    webhooks: over.webhooks ?? "",
    booking,
    outbox: [outbox],
    idempotency: {
      widgetId: "wgt_a",
      key: over.key ?? `key-${n}`,
      requestHash: `rh-${n}`,
      status: 201,
      body: `answer-${n}`,
      createdAt: T0,
    },
  };
}

for (const { name, make } of await testStores()) {
  describe(`bookSeat on ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
      await store.insertWidget({ id: "wgt_a", status: "active", config: "{}", createdAt: T0, updatedAt: T0 });
      await store.insertSlots([
        {
          id: "slot_a",
          widgetId: "wgt_a",
          startsAt: START,
          endsAt: END,
          capacity: 2,
          booked: 0,
          label: null,
          status: "active",
          createdAt: T0,
          updatedAt: T0,
        },
      ]);
    });
    afterEach(() => cleanup());

    test("takes the seat and writes the booking, its key's record and its outbox rows", async () => {
      const slot = await store.bookSeat(plan(1));
      expect(slot).toMatchObject({ id: "slot_a", booked: 1, capacity: 2, startsAt: START });
      expect(await store.getBooking("bkg_1")).toEqual(plan(1).booking);
      expect(await store.getIdempotency("wgt_a", "key-1")).toEqual(plan(1).idempotency);
      expect(await store.listOutbox("bkg_1")).toEqual(plan(1).outbox);
    });

    test("never passes the capacity however many race, and writes nothing for a booking without a seat", async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => store.bookSeat(plan(i))));
      expect(answers.filter(Boolean)).toHaveLength(2);
      expect((await store.getSlot("slot_a"))?.booked).toBe(2);
      expect(await store.listBookings({ limit: 10 })).toHaveLength(2);
    });

    test("takes no seat for a slot whose times changed, an endpoint list that changed or a paused widget", async () => {
      expect(await store.bookSeat(plan(1, { startsAt: "2026-12-02T08:00:00.000Z" }))).toBeUndefined();
      expect(await store.bookSeat(plan(2, { webhooks: 'whk_gone:["*"]:0' }))).toBeUndefined();
      const hook = {
        id: "whk_a",
        url: "https://hooks.example/a",
        events: '["*"]',
        widgetId: null,
        includePersonalData: 1,
        description: null,
        status: "active" as const,
        disabledReason: null,
        secret: "s",
        previousSecret: null,
        previousSecretExpiresAt: null,
        createdAt: T0,
        updatedAt: T0,
      };
      await store.insertWebhook(hook);
      expect(await store.bookSeat(plan(3))).toBeUndefined();
      expect(await store.bookSeat(plan(4, { webhooks: webhookFingerprint([hook]) }))).toBeDefined();
      await store.updateWidget("wgt_a", { status: "paused" });
      expect(await store.bookSeat(plan(5, { webhooks: webhookFingerprint([hook]) }))).toBeUndefined();
      expect((await store.getSlot("slot_a"))?.booked).toBe(1);
      expect(await store.getBooking("bkg_1")).toBeUndefined();
    });

    test("a unique violation is that booking's answer alone; the others in the same turn commit", async () => {
      const plans = [plan(1, { email: "ada" }), plan(2, { email: "ada" }), plan(3, { key: "key-1" }), plan(4)];
      // SQLite: all four in one turn, so one group; PostgreSQL: one after the other, so the first is surely first.
      const settle = (p: SeatBooking) =>
        store.bookSeat(p).then(
          (value) => ({ status: "fulfilled" as const, value }),
          (reason: unknown) => ({ status: "rejected" as const, reason }),
        );
      const [first, sameEmail, sameKey, other] =
        name === "sqlite"
          ? await Promise.all(plans.map(settle))
          : await plans.reduce(
              async (done, p) => [...(await done), await settle(p)],
              Promise.resolve([] as Awaited<ReturnType<typeof settle>>[]),
            );
      expect(first).toMatchObject({ status: "fulfilled" });
      expect(other).toMatchObject({ status: "fulfilled" });
      expect(sameEmail).toMatchObject({ status: "rejected", reason: expect.any(UniqueViolationError) });
      expect(sameEmail).toMatchObject({ reason: { constraint: "booking_email" } });
      expect(sameKey).toMatchObject({ status: "rejected", reason: { constraint: "idempotency" } });
      expect((await store.getSlot("slot_a"))?.booked).toBe(2);
      expect((await store.listBookings({ limit: 10 })).map((b) => b.id).sort()).toEqual(["bkg_1", "bkg_4"]);
      expect(await store.listOutbox("bkg_2")).toEqual([]);
    });
  });
}
