/** @module Booking reads and writes: blind-index lookups, keyset pages newest first, a paged export stream, a slot's bulk cancel. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../db-schema.js";
import { BOOKING_COLUMNS, toColumns } from "../row-mapping.js";
import type { BookingCountRow, BookingQuery, BookingRow, StoreOps } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;
type BookingPatch = Parameters<StoreOps["updateBooking"]>[1];
type BookingConditions = NonNullable<Parameters<StoreOps["updateBooking"]>[2]>;

/** Inserts one booking; the partial unique index refuses a second confirmed seat for one email. */
export async function insertBooking(db: Db, row: BookingRow): Promise<void> {
  await db.insertInto("bookings").values(toColumns(row)).execute();
}

/** One booking by id; `forUpdate` also locks its row until the transaction ends (PostgreSQL only). */
export function getBooking(db: Db, id: string, forUpdate = false): Promise<BookingRow | undefined> {
  const query = db.selectFrom("bookings").select(BOOKING_COLUMNS).where("id", "=", id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** Writes the patch's defined fields if the row still matches `only`; the row after the write. */
export async function updateBooking(
  db: Db,
  id: string,
  patch: BookingPatch,
  only: BookingConditions = {},
): Promise<BookingRow | undefined> {
  const set = toColumns(patch);
  if (Object.keys(set).length === 0) return getBooking(db, id);
  let query = db.updateTable("bookings").set(set).where("id", "=", id);
  if (only.status !== undefined) query = query.where("status", "=", only.status);
  if (only.slotId !== undefined) query = query.where("slot_id", "=", only.slotId);
  return query.returning(BOOKING_COLUMNS).executeTakeFirst();
}

/** Cancels the slot's confirmed bookings and takes their seats off its count; the rows as cancelled. */
export async function cancelSlotBookings(
  db: Db,
  slotId: string,
  change: Parameters<StoreOps["cancelSlotBookings"]>[1],
): Promise<BookingRow[]> {
  return atomically(db, async (trx) => {
    const rows = await trx
      .updateTable("bookings")
      .set({ status: "cancelled", ...toColumns(change) })
      .where("slot_id", "=", slotId)
      .where("status", "=", "confirmed")
      .returning(BOOKING_COLUMNS)
      .execute();
    if (rows.length > 0) {
      // Never below zero, like releaseSeat; the slots_booked_range check would refuse it anyway.
      await trx
        .updateTable("slots")
        .set((eb) => ({
          booked: eb
            .case()
            .when("booked", ">", rows.length)
            .then(eb("booked", "-", rows.length))
            .else(0)
            .end(),
          updated_at: change.updatedAt,
        }))
        .where("id", "=", slotId)
        .execute();
    }
    return rows;
  });
}

/** The confirmed booking in the slot under any of these blind indexes. */
export async function findConfirmedBooking(
  db: Db,
  slotId: string,
  emailIndexes: string[],
): Promise<BookingRow | undefined> {
  if (emailIndexes.length === 0) return undefined;
  return db
    .selectFrom("bookings")
    .select(BOOKING_COLUMNS)
    .where("slot_id", "=", slotId)
    .where("status", "=", "confirmed")
    .where("email_index", "in", emailIndexes)
    .limit(1)
    .executeTakeFirst();
}

/** The bookings that match the query's filters (not its keyset position or limit). */
function matching(db: Db, q: Omit<BookingQuery, "after" | "limit">) {
  let query = db.selectFrom("bookings").select(BOOKING_COLUMNS);
  if (q.widgetId !== undefined) query = query.where("widget_id", "=", q.widgetId);
  if (q.slotId !== undefined) query = query.where("slot_id", "=", q.slotId);
  if (q.status !== undefined) query = query.where("status", "=", q.status);
  if (q.emailIndexes !== undefined) query = query.where("email_index", "in", q.emailIndexes);
  if (q.createdFrom !== undefined) query = query.where("created_at", ">=", q.createdFrom);
  if (q.createdTo !== undefined) query = query.where("created_at", "<", q.createdTo);
  return query;
}

/** One page of bookings, newest first, after the keyset position. */
export async function listBookings(db: Db, q: BookingQuery): Promise<BookingRow[]> {
  if (q.emailIndexes?.length === 0) return [];
  let query = matching(db, q);
  const after = q.after;
  if (after !== undefined) {
    query = query.where((eb) => eb(eb.refTuple("created_at", "id"), "<", eb.tuple(after.createdAt, after.id)));
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit).execute();
}

/** Every booking that matches the filter, oldest first, fetched `pageSize` at a time. */
export async function* streamBookings(
  db: Db,
  filter: Omit<BookingQuery, "after" | "limit">,
  pageSize: number,
): AsyncIterable<BookingRow> {
  if (filter.emailIndexes?.length === 0) return;
  // Keyset pages rather than one cursor: no connection (SQLite's only one) is held while the caller writes CSV.
  let last: BookingRow | undefined;
  for (;;) {
    let query = matching(db, filter);
    const from = last;
    if (from !== undefined) {
      query = query.where((eb) => eb(eb.refTuple("created_at", "id"), ">", eb.tuple(from.createdAt, from.id)));
    }
    const page = await query.orderBy("created_at").orderBy("id").limit(pageSize).execute();
    yield* page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

/** Bookings created in [from, to), counted per UTC day, widget, source and status. */
export async function countBookings(db: Db, from: string, to: string, widgetId?: string): Promise<BookingCountRow[]> {
  // ISO times in UTC: the first ten characters are the day, on both engines.
  const day = sql<string>`substr(created_at, 1, 10)`;
  let query = db
    .selectFrom("bookings")
    .select([day.as("day"), "widget_id as widgetId", "source", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("created_at", ">=", from)
    .where("created_at", "<", to);
  if (widgetId !== undefined) query = query.where("widget_id", "=", widgetId);
  const rows = await query.groupBy([day, "widget_id", "source", "status"]).execute();
  // PostgreSQL's count is a bigint, which pg hands over as a string.
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
