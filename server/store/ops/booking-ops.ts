/** @module Booking reads and writes: lookups by blind index, keyset pages newest first, and a paged export stream. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { BOOKING_COLUMNS, toColumns } from "../row-mapping.js";
import type { BookingRow, StoreOps } from "../types.js";

type BookingOps = Pick<
  StoreOps,
  "insertBooking" | "getBooking" | "updateBooking" | "findConfirmedBooking" | "listBookings" | "streamBookings"
>;

/** The booking part of `StoreOps`. */
export function bookingOps(db: Kysely<Database>): BookingOps {
  const getBooking: BookingOps["getBooking"] = (id) =>
    db.selectFrom("bookings").select(BOOKING_COLUMNS).where("id", "=", id).executeTakeFirst();

  return {
    async insertBooking(row) {
      await db.insertInto("bookings").values(toColumns(row)).execute();
    },
    getBooking,
    async updateBooking(id, patch) {
      const set = toColumns(patch);
      if (Object.keys(set).length === 0) return getBooking(id);
      return db.updateTable("bookings").set(set).where("id", "=", id).returning(BOOKING_COLUMNS).executeTakeFirst();
    },
    async findConfirmedBooking(slotId, emailIndexes) {
      if (emailIndexes.length === 0) return undefined;
      return db
        .selectFrom("bookings")
        .select(BOOKING_COLUMNS)
        .where("slot_id", "=", slotId)
        .where("status", "=", "confirmed")
        .where("email_index", "in", emailIndexes)
        .limit(1)
        .executeTakeFirst();
    },
    async listBookings(q) {
      if (q.emailIndexes?.length === 0) return [];
      let query = db.selectFrom("bookings").select(BOOKING_COLUMNS);
      if (q.widgetId !== undefined) query = query.where("widget_id", "=", q.widgetId);
      if (q.slotId !== undefined) query = query.where("slot_id", "=", q.slotId);
      if (q.status !== undefined) query = query.where("status", "=", q.status);
      if (q.emailIndexes !== undefined) query = query.where("email_index", "in", q.emailIndexes);
      const after = q.after;
      if (after !== undefined) {
        query = query.where((eb) => eb(eb.refTuple("created_at", "id"), "<", eb.tuple(after.createdAt, after.id)));
      }
      return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit).execute();
    },
    async *streamBookings(widgetId, pageSize) {
      // Keyset pages rather than one cursor: no connection (SQLite's only one) is held while the caller writes CSV.
      let after: BookingRow | undefined;
      for (;;) {
        let query = db.selectFrom("bookings").select(BOOKING_COLUMNS);
        if (widgetId !== undefined) query = query.where("widget_id", "=", widgetId);
        const last = after;
        if (last !== undefined) {
          query = query.where((eb) => eb(eb.refTuple("created_at", "id"), ">", eb.tuple(last.createdAt, last.id)));
        }
        const page = await query.orderBy("created_at").orderBy("id").limit(pageSize).execute();
        yield* page;
        if (page.length < pageSize) return;
        after = page[page.length - 1];
      }
    },
  };
}
