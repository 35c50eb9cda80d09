/**
 * @module The outbox part of the shared store suite (`runStoreTests` calls it for every engine): inserts that commit
 * or roll back with their transaction, leased claims that never hand one row to two workers, settling, dropping.
 */
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createSqliteStore } from "./sqlite-store.js";
import type { OutboxRow, Store, WebhookRow } from "./types.js";

const T0 = "2026-12-01T09:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const outboxRow = (id: string, over: Partial<OutboxRow> = {}): OutboxRow => ({
  id,
  kind: "email",
  event: "booking.created",
  bookingId: "bkg_a",
  widgetId: "wgt_a",
  target: "visitor",
  payload: null,
  sealed: `sealed-${id}`,
  dueAt: T0,
  status: "pending",
  attempts: 0,
  leaseUntil: null,
  lastError: null,
  eventId: null,
  lastStatus: null,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** Registers the outbox tests; `store()` is the suite's fresh store for the running test. */
export function outboxStoreTests(store: () => Store): void {
  describe("outbox", () => {
    /** A widget, a slot and booking bkg_a (outbox rows reference their booking). */
    async function seed(): Promise<void> {
      const s = store();
      await s.insertWidget({ id: "wgt_a", status: "active", config: "{}", createdAt: T0, updatedAt: T0 });
      await s.insertSlots([
        {
          id: "slot_a",
          widgetId: "wgt_a",
          startsAt: at(3600),
          endsAt: at(5400),
          capacity: 5,
          booked: 0,
          label: null,
          status: "active",
          createdAt: T0,
          updatedAt: T0,
        },
      ]);
      for (const id of ["bkg_a", "bkg_b"]) {
        await s.insertBooking({
          id,
          widgetId: "wgt_a",
          slotId: "slot_a",
          status: "confirmed",
          emailIndex: `idx-${id}`,
          pii: "p",
          tokenHash: `h-${id}`,
          createdAt: T0,
          updatedAt: T0,
          cancelledAt: null,
          cancelReason: null,
          erasedAt: null,
          source: null,
          attendance: null,
        });
      }
    }

    test("rows written in a transaction land with it, or not at all; commits are announced", async () => {
      await seed();
      const s = store();
      let told = 0;
      const unsubscribe = s.onOutboxCommitted(() => told++);
      await s.transaction(async (tx) => {
        await tx.insertOutbox([outboxRow("obx_1"), outboxRow("obx_2", { event: "reminder", dueAt: at(60) })]);
        expect(told).toBe(0);
      });
      expect(told).toBe(1);
      await expect(
        s.transaction(async (tx) => {
          await tx.insertOutbox([outboxRow("obx_3")]);
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");
      await s.transaction(async (tx) => tx.insertOutbox([]));
      expect(told).toBe(1);
      expect((await s.listOutbox("bkg_a")).map((r) => r.id)).toEqual(["obx_1", "obx_2"]);
      expect((await s.listOutbox("bkg_a"))[1]).toEqual(outboxRow("obx_2", { event: "reminder", dueAt: at(60) }));
      unsubscribe();
      await s.insertOutbox([outboxRow("obx_4")]);
      expect(told).toBe(1);
    });

    test("claim takes due rows with free leases, oldest due first, counting an attempt", async () => {
      await seed();
      const s = store();
      await s.insertOutbox([
        outboxRow("obx_late", { dueAt: at(30) }),
        outboxRow("obx_first", { dueAt: at(-10) }),
        outboxRow("obx_second", { dueAt: at(0) }),
        outboxRow("obx_future", { dueAt: at(3600) }),
        outboxRow("obx_done", { status: "delivered" }),
      ]);
      const claimed = await s.claimOutbox(at(0), at(60), 10);
      expect(claimed.map((r) => r.id).sort()).toEqual(["obx_first", "obx_second"]);
      expect(claimed[0]).toMatchObject({ attempts: 1, leaseUntil: at(60), updatedAt: at(0) });
      // Leased: nobody else gets them until the lease runs out (the worker died).
      expect((await s.claimOutbox(at(59), at(119), 10)).map((r) => r.id)).toEqual(["obx_late"]);
      const again = await s.claimOutbox(at(61), at(121), 10);
      expect(again.map((r) => r.id).sort()).toEqual(["obx_first", "obx_second"]);
      expect(again.every((r) => r.attempts === 2)).toBe(true);
      // Every lease has run out by then: the oldest due comes first.
      const limited = await s.claimOutbox(at(7200), at(7260), 1);
      expect(limited.map((r) => r.id)).toEqual(["obx_first"]);
    });

    test("settle records the outcome only under the lease that claimed the row", async () => {
      await seed();
      const s = store();
      await s.insertOutbox([outboxRow("obx_1"), outboxRow("obx_2"), outboxRow("obx_3")]);
      await s.claimOutbox(at(0), at(60), 10);
      expect(await s.settleOutbox("obx_1", at(999), { status: "delivered" }, at(1))).toBe(false);
      expect(await s.settleOutbox("obx_1", at(60), { status: "delivered" }, at(1))).toBe(true);
      expect(await s.settleOutbox("obx_1", at(60), { status: "delivered" }, at(1))).toBe(false);
      const retry = { status: "pending", dueAt: at(5), lastError: "451 try later" } as const;
      expect(await s.settleOutbox("obx_2", at(60), retry, at(1))).toBe(true);
      expect(await s.settleOutbox("obx_3", at(60), { status: "failed", lastError: "550 no such user" }, at(1))).toBe(
        true,
      );
      const rows = Object.fromEntries((await s.listOutbox("bkg_a")).map((r) => [r.id, r]));
      expect(rows.obx_1).toMatchObject({ status: "delivered", leaseUntil: null, attempts: 1, updatedAt: at(1) });
      expect(rows.obx_2).toMatchObject({
        status: "pending",
        dueAt: at(5),
        leaseUntil: null,
        lastError: "451 try later",
      });
      expect(rows.obx_3).toMatchObject({ status: "failed", lastError: "550 no such user" });
      expect((await s.claimOutbox(at(4), at(64), 10)).map((r) => r.id)).toEqual([]);
      expect((await s.claimOutbox(at(5), at(65), 10)).map((r) => r).map((r) => [r.id, r.attempts])).toEqual([
        ["obx_2", 2],
      ]);
    });

    test("drop: reminders of one booking; on erase its pending personal rows and every sealed part", async () => {
      await seed();
      const s = store();
      await s.insertOutbox([
        outboxRow("obx_sent", { status: "delivered" }),
        outboxRow("obx_rem", { event: "reminder", dueAt: at(600) }),
        outboxRow("obx_team", { target: "team", dueAt: at(10) }),
        outboxRow("obx_hook", { kind: "webhook", target: "whk_1", sealed: null, payload: '{"type":"x"}' }),
        outboxRow("obx_fat", { kind: "webhook", target: "whk_2", payload: '{"type":"x"}' }),
        outboxRow("obx_other", { bookingId: "bkg_b", event: "reminder" }),
      ]);
      expect(await s.dropOutbox("bkg_a", "reminders", at(1))).toBe(1);
      let rows = Object.fromEntries((await s.listOutbox("bkg_a")).map((r) => [r.id, r]));
      expect(rows.obx_rem).toMatchObject({ status: "dropped", sealed: null, updatedAt: at(1) });
      expect(rows.obx_team).toMatchObject({ status: "pending", sealed: "sealed-obx_team" });
      expect((await s.listOutbox("bkg_b"))[0]).toMatchObject({ status: "pending" });

      expect(await s.dropOutbox("bkg_a", "personal", at(2))).toBe(1);
      rows = Object.fromEntries((await s.listOutbox("bkg_a")).map((r) => [r.id, r]));
      expect(rows.obx_team).toMatchObject({ status: "dropped", sealed: null });
      expect(rows.obx_sent).toMatchObject({ status: "delivered", sealed: null });
      // A thin webhook holds nothing personal: it still goes out (it reports the erase).
      expect(rows.obx_hook).toMatchObject({ status: "pending", payload: '{"type":"x"}' });
      // One with the attendee sealed goes too, thin: the attendee is forgotten.
      expect(rows.obx_fat).toMatchObject({ status: "pending", sealed: null, payload: '{"type":"x"}' });
      expect((await s.claimOutbox(at(3600), at(3660), 10)).map((r) => r.id).sort()).toEqual([
        "obx_fat",
        "obx_hook",
        "obx_other",
      ]);
    });

    test("concurrent claims hand every row to exactly one claimer", async () => {
      await seed();
      const s = store();
      await s.insertOutbox(Array.from({ length: 60 }, (_, i) => outboxRow(`obx_${String(i).padStart(2, "0")}`)));
      const batches = await Promise.all(Array.from({ length: 12 }, () => s.claimOutbox(at(0), at(60), 7)));
      const ids = batches.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const rest = await s.claimOutbox(at(0), at(60), 100);
      expect(ids.length + rest.length).toBe(60);
    });

    test("webhook endpoints: scoped to a widget or all, updated, deleted with their deliveries", async () => {
      await seed();
      const s = store();
      const endpoint = (id: string, over: Partial<WebhookRow> = {}): WebhookRow => ({
        id,
        url: `https://hooks.example/${id}`,
        events: '["*"]',
        widgetId: null,
        includePersonalData: 0,
        description: null,
        status: "active",
        disabledReason: null,
        secret: `sealed-${id}`,
        previousSecret: null,
        previousSecretExpiresAt: null,
        createdAt: T0,
        updatedAt: T0,
        ...over,
      });
      await s.insertWebhook(endpoint("whk_all"));
      await s.insertWebhook(endpoint("whk_a", { widgetId: "wgt_a", createdAt: at(1) }));
      await s.insertWidget({ id: "wgt_b", status: "active", config: "{}", createdAt: T0, updatedAt: T0 });
      await s.insertWebhook(endpoint("whk_b", { widgetId: "wgt_b", createdAt: at(2) }));
      await s.insertWebhook(endpoint("whk_off", { status: "disabled", createdAt: at(3) }));
      expect((await s.activeWebhooksFor("wgt_a")).map((e) => e.id)).toEqual(["whk_all", "whk_a"]);
      expect((await s.listWebhooks()).map((e) => e.id)).toEqual(["whk_all", "whk_a", "whk_b", "whk_off"]);
      expect(await s.getWebhook("whk_a")).toEqual(endpoint("whk_a", { widgetId: "wgt_a", createdAt: at(1) }));
      expect(
        await s.updateWebhook("whk_a", { status: "disabled", disabledReason: "410", updatedAt: at(5) }),
      ).toMatchObject({
        id: "whk_a",
        status: "disabled",
        disabledReason: "410",
        updatedAt: at(5),
        url: "https://hooks.example/whk_a",
      });
      expect(await s.updateWebhook("whk_none", { status: "active" })).toBeUndefined();
      expect((await s.activeWebhooksFor("wgt_a")).map((e) => e.id)).toEqual(["whk_all"]);

      // Deliveries: newest first in keyset pages; replay makes one due again, only under its own endpoint.
      const hook = (id: string, createdAt: string, target = "whk_all") =>
        outboxRow(id, { kind: "webhook", target, eventId: `evt_${id}`, createdAt, status: "delivered" });
      await s.insertOutbox([
        hook("obx_1", at(10)),
        hook("obx_2", at(20)),
        hook("obx_3", at(20)),
        hook("obx_x", at(30), "whk_b"),
      ]);
      const first = await s.listDeliveries("whk_all", undefined, 2);
      expect(first.map((r) => r.id)).toEqual(["obx_3", "obx_2"]);
      const next = await s.listDeliveries("whk_all", { createdAt: at(20), id: "obx_2" }, 2);
      expect(next.map((r) => r.id)).toEqual(["obx_1"]);
      expect(await s.replayDelivery("whk_b", "obx_1", at(40))).toBeUndefined();
      expect(await s.replayDelivery("whk_all", "obx_1", at(40))).toMatchObject({ status: "pending", dueAt: at(40) });
      expect((await s.claimOutbox(at(40), at(100), 10)).map((r) => r.id)).toEqual(["obx_1"]);

      expect(await s.deleteWebhook("whk_all")).toBe(true);
      expect(await s.deleteWebhook("whk_all")).toBe(false);
      expect(await s.listDeliveries("whk_all", undefined, 10)).toEqual([]);
      expect((await s.listDeliveries("whk_b", undefined, 10)).map((r) => r.id)).toEqual(["obx_x"]);
      // A widget's endpoints go with it.
      await s.deleteWidget("wgt_b");
      expect(await s.getWebhook("whk_b")).toBeUndefined();
    });

    test("deleting the widget deletes its bookings' outbox rows", async () => {
      await seed();
      const s = store();
      await s.insertOutbox([outboxRow("obx_1")]);
      await s.deleteWidget("wgt_a");
      expect(await s.listOutbox("bkg_a")).toEqual([]);
      expect(await s.claimOutbox(at(0), at(60), 10)).toEqual([]);
    });
  });
}

// Vitest also collects this file on its own (it matches *.test.ts), as it does store.case.test.ts: then the outbox
// cases run on an in-memory SQLite database, the one configuration the engine test files do not cover.
if (expect.getState().testPath === fileURLToPath(import.meta.url)) {
  describe("sqlite :memory:", () => {
    let current: Store;
    beforeEach(async () => {
      current = createSqliteStore({ filename: ":memory:" });
      await current.migrate();
    });
    afterEach(() => current.close());
    outboxStoreTests(() => current);
  });
}
