/**
 * @module The one test suite every store runs (like hono's router `common.case.test.ts`): every method of
 * `StoreOps`, transactions, error mapping, paging order and concurrency. Long because it is the whole contract.
 */
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { outboxStoreTests } from "./outbox.case.test.js";
import { createSqliteStore } from "./sqlite-store.js";
import type { TestStore } from "./testing.js";
import {
  type ApiKeyRow,
  type BookingRow,
  type IdempotencyRow,
  type SlotRow,
  type Store,
  UniqueViolationError,
  type WidgetRow,
} from "./types.js";

const T0 = "2026-12-01T09:00:00.000Z";

/** An ISO time `minutes` after 2026-12-01T09:00Z. */
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const widget = (id: string, over: Partial<WidgetRow> = {}): WidgetRow => ({
  id,
  status: "active",
  config: JSON.stringify({ title: id }),
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const slot = (id: string, widgetId: string, over: Partial<SlotRow> = {}): SlotRow => ({
  id,
  widgetId,
  startsAt: at(60),
  endsAt: at(90),
  capacity: 3,
  booked: 0,
  label: null,
  status: "active",
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const booking = (id: string, s: SlotRow, over: Partial<BookingRow> = {}): BookingRow => ({
  id,
  widgetId: s.widgetId,
  slotId: s.id,
  status: "confirmed",
  emailIndex: `idx-${id}`,
  pii: `envelope-${id}`,
  tokenHash: `hash-${id}`,
  createdAt: T0,
  updatedAt: T0,
  cancelledAt: null,
  cancelReason: null,
  erasedAt: null,
  source: null,
  attendance: null,
  ...over,
});

const idem = (widgetId: string, key: string, over: Partial<IdempotencyRow> = {}): IdempotencyRow => ({
  widgetId,
  key,
  requestHash: "req",
  status: 201,
  body: "envelope",
  createdAt: T0,
  ...over,
});

const apiKey = (id: string, hash: string, over: Partial<ApiKeyRow> = {}): ApiKeyRow => ({
  id,
  hash,
  label: null,
  createdAt: T0,
  lastUsedAt: null,
  ...over,
});

/** The rejection of `promise`, failing the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected a rejection"),
    (error: unknown) => error,
  );
}

/** Options for `runStoreTests`. */
export interface StoreTestOptions {
  name: string;
  /** A fresh, migrated store per test, and how to dispose of it. */
  makeStore: () => Promise<TestStore>;
}

/** Registers the shared store suite under `describe(name)`. */
export function runStoreTests({ name, makeStore }: StoreTestOptions): void {
  describe(name, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    /** A widget with one slot, inserted. */
    async function seed(capacity = 3): Promise<SlotRow> {
      await store.insertWidget(widget("wgt_a"));
      const s = slot("slot_a", "wgt_a", { capacity });
      await store.insertSlots([s]);
      return s;
    }

    test("ping answers and migrate can run again", async () => {
      await store.ping();
      await store.insertWidget(widget("wgt_a"));
      await store.migrate();
      expect(await store.getWidget("wgt_a")).toEqual(widget("wgt_a"));
    });

    test("a migrated database says it has been migrated", async () => {
      expect(await store.hasMigrated()).toBe(true);
    });

    outboxStoreTests(() => store);

    describe("widgets", () => {
      test("insert, get, list in creation order", async () => {
        await store.insertWidget(widget("wgt_b", { createdAt: at(2) }));
        await store.insertWidget(widget("wgt_a", { createdAt: at(1), status: "paused" }));
        expect(await store.getWidget("wgt_a")).toEqual(widget("wgt_a", { createdAt: at(1), status: "paused" }));
        expect(await store.getWidget("wgt_none")).toBeUndefined();
        expect((await store.listWidgets()).map((w) => w.id)).toEqual(["wgt_a", "wgt_b"]);
      });

      test("update writes only the named columns and returns the row", async () => {
        await store.insertWidget(widget("wgt_a"));
        const updated = await store.updateWidget("wgt_a", { status: "paused", updatedAt: at(5), config: undefined });
        expect(updated).toEqual(widget("wgt_a", { status: "paused", updatedAt: at(5) }));
        expect(await store.getWidget("wgt_a")).toEqual(updated);
        expect(await store.updateWidget("wgt_a", {})).toEqual(updated);
        expect(await store.updateWidget("wgt_none", { status: "paused" })).toBeUndefined();
      });

      test("a duplicate id is a unique violation named 'other'", async () => {
        await store.insertWidget(widget("wgt_a"));
        const error = await rejectionOf(store.insertWidget(widget("wgt_a")));
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect((error as UniqueViolationError).constraint).toBe("other");
      });

      test("delete removes the widget with its slots, bookings and idempotency records, and nothing else", async () => {
        const s = await seed();
        await store.insertBooking(booking("bkg_a", s));
        await store.insertIdempotency(idem("wgt_a", "k1"));
        await store.insertWidget(widget("wgt_b"));
        const other = slot("slot_b", "wgt_b");
        await store.insertSlots([other]);
        await store.insertBooking(booking("bkg_b", other));
        await store.insertIdempotency(idem("wgt_b", "k1"));

        expect(await store.deleteWidget("wgt_a")).toBe(true);
        expect(await store.deleteWidget("wgt_a")).toBe(false);
        expect(await store.getWidget("wgt_a")).toBeUndefined();
        expect(await store.getSlot("slot_a")).toBeUndefined();
        expect(await store.getBooking("bkg_a")).toBeUndefined();
        expect(await store.getIdempotency("wgt_a", "k1")).toBeUndefined();
        expect(await store.getSlot("slot_b")).toEqual(other);
        expect(await store.getBooking("bkg_b")).toEqual(booking("bkg_b", other));
        expect(await store.getIdempotency("wgt_b", "k1")).toEqual(idem("wgt_b", "k1"));
      });
    });

    describe("slots", () => {
      test("insert and get round-trip every column; an empty insert is a no-op", async () => {
        await store.insertWidget(widget("wgt_a"));
        const s = slot("slot_a", "wgt_a", { label: "Intro", capacity: 12, booked: 2 });
        await store.insertSlots([s]);
        await store.insertSlots([]);
        expect(await store.getSlot("slot_a")).toEqual(s);
        expect(await store.getSlot("slot_none")).toBeUndefined();
      });

      test("a slot of an unknown widget is refused (foreign keys are on)", async () => {
        await expect(store.insertSlots([slot("slot_x", "wgt_none")])).rejects.toThrow();
        expect(await store.getSlot("slot_x")).toBeUndefined();
      });

      test("large batches are inserted whole, in start order", async () => {
        await store.insertWidget(widget("wgt_a"));
        const rows = Array.from({ length: 1203 }, (_, i) => slot(`slot_${i}`, "wgt_a", { startsAt: at(1203 - i) }));
        await store.insertSlots(rows);
        const listed = await store.listSlots("wgt_a");
        expect(listed).toHaveLength(1203);
        expect(listed[0]?.id).toBe("slot_1202");
        expect(listed.at(-1)?.id).toBe("slot_0");
      });

      test("a failing batch inserts nothing", async () => {
        await store.insertWidget(widget("wgt_a"));
        const rows = Array.from({ length: 600 }, (_, i) => slot(`slot_${i}`, "wgt_a"));
        rows.push(slot("slot_0", "wgt_a"));
        await expect(store.insertSlots(rows)).rejects.toBeInstanceOf(UniqueViolationError);
        expect(await store.listSlots("wgt_a")).toEqual([]);
      });

      test("listSlots: start order, from inclusive, to exclusive, status filter, one widget only", async () => {
        await store.insertWidget(widget("wgt_a"));
        await store.insertWidget(widget("wgt_b"));
        await store.insertSlots([
          slot("slot_3", "wgt_a", { startsAt: at(30) }),
          slot("slot_1", "wgt_a", { startsAt: at(10) }),
          slot("slot_2", "wgt_a", { startsAt: at(20), status: "cancelled" }),
          slot("slot_4", "wgt_a", { startsAt: at(40) }),
          slot("slot_b", "wgt_b", { startsAt: at(20) }),
        ]);
        const ids = async (window?: Parameters<Store["listSlots"]>[1]) =>
          (await store.listSlots("wgt_a", window)).map((s) => s.id);
        expect(await ids()).toEqual(["slot_1", "slot_2", "slot_3", "slot_4"]);
        expect(await ids({ from: at(20), to: at(40) })).toEqual(["slot_2", "slot_3"]);
        expect(await ids({ from: at(21) })).toEqual(["slot_3", "slot_4"]);
        expect(await ids({ to: at(10) })).toEqual([]);
        expect(await ids({ status: "active" })).toEqual(["slot_1", "slot_3", "slot_4"]);
        expect(await ids({ from: at(0), to: at(100), status: "cancelled" })).toEqual(["slot_2"]);
        expect(await ids({ limit: 2 })).toEqual(["slot_1", "slot_2"]);
        expect(await ids({ from: at(11), status: "active", limit: 1 })).toEqual(["slot_3"]);
      });

      test("update and delete", async () => {
        const s = await seed();
        const patch = { status: "cancelled", label: "Moved", capacity: 5, updatedAt: at(1) } as const;
        expect(await store.updateSlot("slot_a", patch)).toEqual({ ...s, ...patch });
        expect(await store.updateSlot("slot_none", { label: "x" })).toBeUndefined();
        expect(await store.deleteSlot("slot_a")).toBe(true);
        expect(await store.deleteSlot("slot_a")).toBe(false);
        expect(await store.getSlot("slot_a")).toBeUndefined();
      });

      test("takeSeat fills up to capacity, only on active slots; releaseSeat never goes below zero", async () => {
        await seed(2);
        expect(await store.takeSeat("slot_a", at(1))).toBeDefined();
        expect(await store.takeSeat("slot_a", at(2))).toBeDefined();
        expect(await store.takeSeat("slot_a", at(3))).toBeUndefined();
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 2, updatedAt: at(2) });
        expect(await store.takeSeat("slot_none", at(3))).toBeUndefined();

        await store.releaseSeat("slot_a", at(4));
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 1, updatedAt: at(4) });
        await store.updateSlot("slot_a", { status: "cancelled" });
        expect(await store.takeSeat("slot_a", at(5))).toBeUndefined();
        await store.releaseSeat("slot_a", at(6));
        await store.releaseSeat("slot_a", at(7));
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 0, updatedAt: at(6) });
      });

      test("takeSeat returns the slot after the write and honours widget and start conditions", async () => {
        await seed(5);
        const slot = (await store.getSlot("slot_a"))!;
        expect(await store.takeSeat("slot_a", at(1), { widgetId: "wgt_other" })).toBeUndefined();
        expect(await store.takeSeat("slot_a", at(1), { startsAfter: slot.startsAt })).toBeUndefined();
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 0 });
        const taken = await store.takeSeat("slot_a", at(2), { widgetId: slot.widgetId, startsAfter: at(0) });
        expect(taken).toEqual({ ...slot, booked: 1, updatedAt: at(2) });
      });
    });

    describe("bookings", () => {
      test("insert, get, update", async () => {
        const s = await seed();
        const b = booking("bkg_a", s);
        await store.insertBooking(b);
        expect(await store.getBooking("bkg_a")).toEqual(b);
        expect(await store.getBooking("bkg_none")).toBeUndefined();
        const erased = { status: "erased", emailIndex: null, pii: null, erasedAt: at(9), updatedAt: at(9) } as const;
        expect(await store.updateBooking("bkg_a", erased)).toEqual({ ...b, ...erased });
        expect(await store.updateBooking("bkg_none", { status: "cancelled" })).toBeUndefined();
        // Conditional writes: nothing happens when the row no longer matches.
        expect(await store.updateBooking("bkg_a", { status: "cancelled" }, { status: "confirmed" })).toBeUndefined();
        expect(
          await store.updateBooking("bkg_a", { status: "cancelled" }, { status: "erased", slotId: "slot_x" }),
        ).toBeUndefined();
        expect(
          await store.updateBooking("bkg_a", { status: "cancelled" }, { status: "erased", slotId: b.slotId }),
        ).toMatchObject({ status: "cancelled" });
      });

      test("one confirmed booking per email per slot: a second is a 'booking_email' violation", async () => {
        const s = await seed();
        await store.insertWidget(widget("wgt_b"));
        const other = slot("slot_b", "wgt_b");
        await store.insertSlots([other]);
        await store.insertBooking(booking("bkg_1", s, { emailIndex: "same" }));
        const error = await rejectionOf(store.insertBooking(booking("bkg_2", s, { emailIndex: "same" })));
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect((error as UniqueViolationError).constraint).toBe("booking_email");
        // Another slot, a cancelled booking, or erased ones (no index) do not count.
        await store.insertBooking(booking("bkg_3", other, { emailIndex: "same" }));
        await store.updateBooking("bkg_1", { status: "cancelled" });
        await store.insertBooking(booking("bkg_4", s, { emailIndex: "same" }));
        await store.insertBooking(booking("bkg_5", s, { status: "erased", emailIndex: null }));
        await store.insertBooking(booking("bkg_6", s, { status: "erased", emailIndex: null }));
      });

      test("cancelSlotBookings cancels the slot's confirmed bookings only and gives their seats back", async () => {
        const s = await seed(5);
        await store.insertWidget(widget("wgt_b"));
        const other = slot("slot_b", "wgt_b");
        await store.insertSlots([other]);
        for (const id of ["bkg_1", "bkg_2"]) {
          await store.insertBooking(booking(id, s, { emailIndex: id }));
          await store.takeSeat("slot_a", at(1));
        }
        const visitorCancelled = booking("bkg_3", s, {
          status: "cancelled",
          cancelReason: "visitor",
          cancelledAt: at(2),
        });
        await store.insertBooking(visitorCancelled);
        await store.insertBooking(booking("bkg_4", other));
        await store.takeSeat("slot_b", at(1));

        const change = { cancelReason: "slot_cancelled", cancelledAt: at(5), updatedAt: at(5) } as const;
        const cancelled = await store.cancelSlotBookings("slot_a", change);
        expect(cancelled.map((b) => b.id).sort()).toEqual(["bkg_1", "bkg_2"]);
        expect(cancelled[0]).toEqual({
          ...booking(cancelled[0]!.id, s, { emailIndex: cancelled[0]!.id }),
          status: "cancelled",
          ...change,
        });
        expect(await store.getBooking("bkg_1")).toMatchObject({ status: "cancelled", cancelReason: "slot_cancelled" });
        expect(await store.getBooking("bkg_3")).toEqual(visitorCancelled);
        expect(await store.getBooking("bkg_4")).toMatchObject({ status: "confirmed", cancelReason: null });
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 0, updatedAt: at(5) });
        expect(await store.getSlot("slot_b")).toMatchObject({ booked: 1 });
        expect(await store.cancelSlotBookings("slot_a", change)).toEqual([]);
      });

      test("findConfirmedBooking matches any of the indexes, confirmed only", async () => {
        const s = await seed();
        await store.insertBooking(booking("bkg_1", s, { emailIndex: "old-key", status: "cancelled" }));
        expect(await store.findConfirmedBooking("slot_a", ["new-key", "old-key"])).toBeUndefined();
        await store.insertBooking(booking("bkg_2", s, { emailIndex: "old-key" }));
        expect((await store.findConfirmedBooking("slot_a", ["new-key", "old-key"]))?.id).toBe("bkg_2");
        expect(await store.findConfirmedBooking("slot_a", ["new-key"])).toBeUndefined();
        expect(await store.findConfirmedBooking("slot_a", [])).toBeUndefined();
      });

      test("listBookings filters by widget, slot, status and email indexes", async () => {
        const s = await seed();
        const s2 = slot("slot_2", "wgt_a");
        await store.insertWidget(widget("wgt_b"));
        const other = slot("slot_b", "wgt_b");
        await store.insertSlots([s2, other]);
        await store.insertBooking(booking("bkg_1", s, { createdAt: at(1), emailIndex: "e1" }));
        await store.insertBooking(booking("bkg_2", s2, { createdAt: at(2), status: "cancelled", emailIndex: "e2" }));
        await store.insertBooking(booking("bkg_3", s, { createdAt: at(3), emailIndex: "e2" }));
        await store.insertBooking(booking("bkg_4", other, { createdAt: at(4), emailIndex: "e1" }));
        const ids = async (q: Partial<Parameters<Store["listBookings"]>[0]>) =>
          (await store.listBookings({ limit: 50, ...q })).map((b) => b.id);
        expect(await ids({})).toEqual(["bkg_4", "bkg_3", "bkg_2", "bkg_1"]);
        expect(await ids({ widgetId: "wgt_a" })).toEqual(["bkg_3", "bkg_2", "bkg_1"]);
        expect(await ids({ slotId: "slot_a" })).toEqual(["bkg_3", "bkg_1"]);
        expect(await ids({ widgetId: "wgt_a", status: "confirmed" })).toEqual(["bkg_3", "bkg_1"]);
        expect(await ids({ emailIndexes: ["e1"] })).toEqual(["bkg_4", "bkg_1"]);
        expect(await ids({ widgetId: "wgt_a", emailIndexes: ["e1", "e2"] })).toEqual(["bkg_3", "bkg_2", "bkg_1"]);
        expect(await ids({ emailIndexes: [] })).toEqual([]);
        expect(await ids({ limit: 2 })).toEqual(["bkg_4", "bkg_3"]);
      });

      test("keyset pages walk (createdAt desc, id desc) in byte order without gaps or repeats", async () => {
        const s = await seed();
        // Ties on createdAt and ids whose byte order differs from a locale's ("B" < "a" < "b").
        const ids = ["bkg_a", "bkg_B", "bkg_b", "bkg_C", "bkg_0", "bkg_z", "bkg_Z", "bkg__", "bkg_-"];
        const rows = ids.flatMap((id, i) => [
          booking(`${id}1`, s, { createdAt: at(i % 3), emailIndex: null }),
          booking(`${id}2`, s, { createdAt: at(5), emailIndex: null }),
        ]);
        for (const row of rows) await store.insertBooking(row);
        const expected = rows
          .map((r) => [r.createdAt, r.id] as const)
          .sort(([ca, ia], [cb, ib]) => (ca === cb ? (ia < ib ? 1 : -1) : ca < cb ? 1 : -1))
          .map(([, id]) => id);

        const seen: string[] = [];
        let after: { createdAt: string; id: string } | undefined;
        for (;;) {
          const page = await store.listBookings({ widgetId: "wgt_a", limit: 4, ...(after ? { after } : {}) });
          seen.push(...page.map((b) => b.id));
          const last = page.at(-1);
          if (page.length < 4 || last === undefined) break;
          after = { createdAt: last.createdAt, id: last.id };
        }
        expect(seen).toEqual(expected);
      });

      test("streamBookings yields every booking oldest first across pages", async () => {
        const s = await seed();
        await store.insertWidget(widget("wgt_b"));
        const other = slot("slot_b", "wgt_b");
        await store.insertSlots([other]);
        for (let i = 0; i < 10; i++) {
          await store.insertBooking(booking(`bkg_${i}`, i === 4 ? other : s, { createdAt: at(10 - (i % 5)) }));
        }
        const collect = async (widgetId: string | undefined, pageSize: number) => {
          const ids: string[] = [];
          for await (const b of store.streamBookings({ widgetId }, pageSize)) ids.push(b.id);
          return ids;
        };
        const all = ["bkg_4", "bkg_9", "bkg_3", "bkg_8", "bkg_2", "bkg_7", "bkg_1", "bkg_6", "bkg_0", "bkg_5"];
        expect(await collect(undefined, 3)).toEqual(all);
        expect(await collect(undefined, 5)).toEqual(all);
        expect(await collect("wgt_a", 4)).toEqual(all.filter((id) => id !== "bkg_4"));
        expect(await collect("wgt_none", 4)).toEqual([]);
      });
    });

    describe("idempotency and API keys", () => {
      test("insert and get; a repeated key is an 'idempotency' violation, per widget", async () => {
        await store.insertIdempotency(idem("wgt_a", "k1"));
        expect(await store.getIdempotency("wgt_a", "k1")).toEqual(idem("wgt_a", "k1"));
        expect(await store.getIdempotency("wgt_a", "k2")).toBeUndefined();
        const error = await rejectionOf(store.insertIdempotency(idem("wgt_a", "k1", { requestHash: "other" })));
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect((error as UniqueViolationError).constraint).toBe("idempotency");
        await store.insertIdempotency(idem("wgt_b", "k1"));
      });

      test("purgeIdempotency drops records created strictly before the cut-off", async () => {
        await store.insertIdempotency(idem("wgt_a", "old", { createdAt: at(0) }));
        await store.insertIdempotency(idem("wgt_b", "older", { createdAt: at(-60) }));
        await store.insertIdempotency(idem("wgt_a", "edge", { createdAt: at(10) }));
        await store.insertIdempotency(idem("wgt_a", "new", { createdAt: at(20) }));
        expect(await store.purgeIdempotency(at(10))).toBe(2);
        expect(await store.purgeIdempotency(at(10))).toBe(0);
        expect(await store.getIdempotency("wgt_a", "old")).toBeUndefined();
        expect(await store.getIdempotency("wgt_a", "edge")).toBeDefined();
        expect(await store.getIdempotency("wgt_a", "new")).toBeDefined();
      });

      test("API keys are found by hash; a repeated hash is refused", async () => {
        await store.insertApiKey(apiKey("key_1", "h1"));
        expect(await store.findApiKey("h1")).toEqual(apiKey("key_1", "h1"));
        expect(await store.findApiKey("h2")).toBeUndefined();
        await expect(store.insertApiKey(apiKey("key_2", "h1"))).rejects.toBeInstanceOf(UniqueViolationError);
      });

      test("API keys list oldest first with their labels, and a deleted key is gone at once", async () => {
        await store.insertApiKey(apiKey("key_b", "hb", { createdAt: at(2), label: "CRM sync" }));
        await store.insertApiKey(apiKey("key_a", "ha", { createdAt: at(1) }));
        await store.insertApiKey(apiKey("key_c", "hc", { createdAt: at(2) }));
        expect((await store.listApiKeys()).map((k) => [k.id, k.label])).toEqual([
          ["key_a", null],
          ["key_b", "CRM sync"],
          ["key_c", null],
        ]);
        expect(await store.deleteApiKey("key_b")).toBe(true);
        expect(await store.deleteApiKey("key_b")).toBe(false);
        expect(await store.findApiKey("hb")).toBeUndefined();
        expect((await store.listApiKeys()).map((k) => k.id)).toEqual(["key_a", "key_c"]);
      });

      test("markApiKeyUsed writes the time unless a later one than `unlessAfter` is there", async () => {
        await store.insertApiKey(apiKey("key_1", "h1"));
        await store.markApiKeyUsed("key_1", at(10), at(9));
        expect((await store.findApiKey("h1"))?.lastUsedAt).toBe(at(10));
        // Written at 10; at 30, "unless after 20" finds 10, which is older: rewritten.
        await store.markApiKeyUsed("key_1", at(30), at(20));
        expect((await store.findApiKey("h1"))?.lastUsedAt).toBe(at(30));
        // A racing request with an older view ("unless after 20") finds 30 there and leaves it.
        await store.markApiKeyUsed("key_1", at(31), at(20));
        expect((await store.findApiKey("h1"))?.lastUsedAt).toBe(at(30));
        await store.markApiKeyUsed("key_missing", at(40), at(39));
        expect(await store.listApiKeys()).toHaveLength(1);
      });
    });

    describe("transactions", () => {
      test("commit: the writes land and the result is returned; the transaction sees its own writes", async () => {
        const s = await seed();
        const result = await store.transaction(async (tx) => {
          expect(await tx.takeSeat("slot_a", at(1))).toBeDefined();
          await tx.insertBooking(booking("bkg_a", s));
          return (await tx.getSlot("slot_a"))?.booked;
        });
        expect(result).toBe(1);
        expect(await store.getBooking("bkg_a")).toBeDefined();
      });

      test("rollback: when fn throws, none of its writes land and the error comes out unchanged", async () => {
        const s = await seed();
        const boom = new Error("boom");
        const error = await rejectionOf(
          store.transaction(async (tx) => {
            await tx.takeSeat("slot_a", at(1));
            await tx.insertBooking(booking("bkg_a", s));
            await tx.insertIdempotency(idem("wgt_a", "k1"));
            await tx.deleteWidget("wgt_none");
            throw boom;
          }),
        );
        expect(error).toBe(boom);
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 0 });
        expect(await store.getBooking("bkg_a")).toBeUndefined();
        expect(await store.getIdempotency("wgt_a", "k1")).toBeUndefined();
      });

      test("a unique violation inside a transaction rolls the whole transaction back", async () => {
        const s = await seed();
        await store.insertBooking(booking("bkg_1", s, { emailIndex: "same" }));
        const error = await rejectionOf(
          store.transaction(async (tx) => {
            await tx.takeSeat("slot_a", at(1));
            await tx.insertBooking(booking("bkg_2", s, { emailIndex: "same" }));
          }),
        );
        expect((error as UniqueViolationError).constraint).toBe("booking_email");
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 0 });
      });

      test("deleteWidget inside a transaction is undone by a rollback", async () => {
        const s = await seed();
        await store.insertBooking(booking("bkg_a", s));
        await expect(
          store.transaction(async (tx) => {
            expect(await tx.deleteWidget("wgt_a")).toBe(true);
            throw new Error("undo");
          }),
        ).rejects.toThrow("undo");
        expect(await store.getBooking("bkg_a")).toBeDefined();
      });
    });

    describe("concurrency", () => {
      test("300 racing bookings on a 10-seat slot take exactly 10 seats", async () => {
        const s = await seed(10);
        const outcomes = await Promise.all(
          Array.from({ length: 300 }, (_, i) =>
            store.transaction(async (tx) => {
              if (!(await tx.takeSeat("slot_a", at(1)))) return false;
              await tx.insertBooking(booking(`bkg_${i}`, s));
              return true;
            }),
          ),
        );
        expect(outcomes.filter(Boolean)).toHaveLength(10);
        expect(await store.getSlot("slot_a")).toMatchObject({ booked: 10 });
        expect(await store.listBookings({ slotId: "slot_a", limit: 500 })).toHaveLength(10);
      });

      test("25 racing inserts of one idempotency key: one wins, the rest get 'idempotency'", async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 25 }, (_, i) => store.insertIdempotency(idem("wgt_a", "k1", { body: `b${i}` }))),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results) {
          if (r.status === "rejected") {
            expect(r.reason).toBeInstanceOf(UniqueViolationError);
            expect(r.reason.constraint).toBe("idempotency");
          }
        }
      });
    });
  });
}

// Vitest also collects this file on its own (it matches *.test.ts). Then it runs the suite on an in-memory
// SQLite database, the one configuration the engine test files do not cover.
if (expect.getState().testPath === fileURLToPath(import.meta.url)) {
  runStoreTests({
    name: "sqlite :memory:",
    makeStore: async () => {
      const store = createSqliteStore({ filename: ":memory:" });
      await store.migrate();
      return { store, cleanup: () => store.close() };
    },
  });
}
