/** @module Migration 0002 on both engines: old cancelled bookings say `visitor`, bookings left in a cancelled slot are cancelled. */
import { Migrator } from "kysely";
import { describe, expect, test } from "vitest";
import { freshDb, testEngines } from "../testing.js";
import { migrateToLatest, migrations } from "./index.js";

const T0 = "2026-12-01T09:00:00.000Z";
const T1 = "2026-12-02T09:00:00.000Z";

const engines = await testEngines();

describe.each(engines)("0002-booking-cancel-reason on %s", (kind) => {
  test("backfills reasons and cancels what a cancelled slot left confirmed, freeing its seats", async () => {
    const { db, schema, dispose } = await freshDb(kind);
    try {
      const { "0002-booking-cancel-reason": _later, ...before } = migrations(kind);
      const early = new Migrator({
        db,
        provider: { getMigrations: async () => before },
        allowUnorderedMigrations: true,
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      expect((await early.migrateToLatest()).error).toBeUndefined();

      const times = { created_at: T0, updated_at: T0 };
      await db
        .insertInto("widgets")
        .values({ id: "wgt_a", status: "active", config: "{}", ...times })
        .execute();
      const slot = { widget_id: "wgt_a", starts_at: T1, ends_at: T1, capacity: 5, label: null, ...times };
      await db
        .insertInto("slots")
        .values([
          { ...slot, id: "slot_gone", booked: 2, status: "cancelled", updated_at: T1 },
          { ...slot, id: "slot_on", booked: 1, status: "active" },
        ])
        .execute();
      const booking = { widget_id: "wgt_a", pii: "x", token_hash: "h", erased_at: null, ...times };
      // Only the columns 0001 made: `cancel_reason` does not exist yet.
      const insert = (id: string, slotId: string, status: string, cancelledAt: string | null) =>
        db
          .insertInto("bookings")
          .values({ ...booking, id, slot_id: slotId, status, email_index: id, cancelled_at: cancelledAt } as never)
          .execute();
      await insert("bkg_left", "slot_gone", "confirmed", null);
      await insert("bkg_left2", "slot_gone", "confirmed", null);
      await insert("bkg_own", "slot_gone", "cancelled", T0);
      await insert("bkg_kept", "slot_on", "confirmed", null);

      await migrateToLatest(db, kind, schema);
      const rows = await db
        .selectFrom("bookings")
        .select(["id", "status", "cancel_reason", "cancelled_at"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { id: "bkg_kept", status: "confirmed", cancel_reason: null, cancelled_at: null },
        { id: "bkg_left", status: "cancelled", cancel_reason: "slot_cancelled", cancelled_at: T1 },
        { id: "bkg_left2", status: "cancelled", cancel_reason: "slot_cancelled", cancelled_at: T1 },
        { id: "bkg_own", status: "cancelled", cancel_reason: "visitor", cancelled_at: T0 },
      ]);
      const slots = await db.selectFrom("slots").select(["id", "booked"]).orderBy("id").execute();
      expect(slots).toEqual([
        { id: "slot_gone", booked: 0 },
        { id: "slot_on", booked: 1 },
      ]);
    } finally {
      await dispose();
    }
  });
});
