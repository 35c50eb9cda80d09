/** @module Slot reads and writes, including the seat counter that can never oversell. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { SLOT_COLUMNS, toColumns } from "../row-mapping.js";
import type { SlotRow, StoreOps } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;
type SlotWindow = Parameters<StoreOps["listSlots"]>[1];
type SlotPatch = Parameters<StoreOps["updateSlot"]>[1];
type SeatConditions = NonNullable<Parameters<StoreOps["takeSeat"]>[2]>;

// 500 rows × 10 columns = 5,000 bind variables: under SQLite's 32,766 and PostgreSQL's 65,535 per statement.
const INSERT_CHUNK = 500;

/** Inserts slots in chunks; all or none land. */
export async function insertSlots(db: Db, rows: SlotRow[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = async (trx: Db) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto("slots")
        .values(rows.slice(i, i + INSERT_CHUNK).map(toColumns))
        .execute();
    }
  };
  await (rows.length > INSERT_CHUNK ? atomically(db, insert) : insert(db));
}

/** One slot by id. */
export function getSlot(db: Db, id: string): Promise<SlotRow | undefined> {
  return db.selectFrom("slots").select(SLOT_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** A widget's slots in start order, within the window, the first `limit` of them when given. */
export function listSlots(db: Db, widgetId: string, window: SlotWindow = {}): Promise<SlotRow[]> {
  let query = db.selectFrom("slots").select(SLOT_COLUMNS).where("widget_id", "=", widgetId);
  if (window.from !== undefined) query = query.where("starts_at", ">=", window.from);
  if (window.to !== undefined) query = query.where("starts_at", "<", window.to);
  if (window.status !== undefined) query = query.where("status", "=", window.status);
  const ordered = query.orderBy("starts_at").orderBy("id");
  return (window.limit === undefined ? ordered : ordered.limit(window.limit)).execute();
}

/** Writes the patch's defined fields; the row after the write. */
export async function updateSlot(db: Db, id: string, patch: SlotPatch): Promise<SlotRow | undefined> {
  const set = toColumns(patch);
  if (Object.keys(set).length === 0) return getSlot(db, id);
  return db.updateTable("slots").set(set).where("id", "=", id).returning(SLOT_COLUMNS).executeTakeFirst();
}

/** Deletes one slot. */
export async function deleteSlot(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("slots").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Locks the slots' rows in id order until the transaction ends. Two transactions that each touch the same two
 * slots (reschedules going opposite ways) then queue on the first instead of each holding one and waiting for the
 * other: no deadlock. Without row locks (SQLite: one writer at a time) there is nothing to do.
 */
export async function lockSlots(db: Db, ids: string[], rowLocks: boolean): Promise<void> {
  if (!rowLocks || ids.length === 0) return;
  await db
    .selectFrom("slots")
    .select("id")
    .where("id", "in", [...new Set(ids)])
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** Takes one seat if the slot is active, not full, and meets `only`; the slot after the write, else undefined. */
export function takeSeat(db: Db, slotId: string, now: string, only: SeatConditions = {}): Promise<SlotRow | undefined> {
  // One conditional UPDATE: the row lock (PostgreSQL re-checks WHERE after waiting for it under
  // READ COMMITTED) or SQLite's single writer makes check-and-increment atomic, so no read-then-write race.
  // RETURNING hands the booking its slot without a second query on the hot path.
  let query = db
    .updateTable("slots")
    .set((eb) => ({ booked: eb("booked", "+", 1), updated_at: now }))
    .where("id", "=", slotId)
    .where("status", "=", "active")
    .whereRef("booked", "<", "capacity");
  if (only.widgetId !== undefined) query = query.where("widget_id", "=", only.widgetId);
  if (only.startsAfter !== undefined) query = query.where("starts_at", ">", only.startsAfter);
  return query.returning(SLOT_COLUMNS).executeTakeFirst();
}

/** Gives one seat back, never below zero. */
export async function releaseSeat(db: Db, slotId: string, now: string): Promise<void> {
  await db
    .updateTable("slots")
    .set((eb) => ({ booked: eb("booked", "-", 1), updated_at: now }))
    .where("id", "=", slotId)
    .where("booked", ">", 0)
    .execute();
}

/** The next active slots starting after `now` (of one widget, or all), soonest first. */
export function upcomingSlots(db: Db, now: string, limit: number, widgetId?: string): Promise<SlotRow[]> {
  let query = db.selectFrom("slots").select(SLOT_COLUMNS).where("status", "=", "active").where("starts_at", ">", now);
  if (widgetId !== undefined) query = query.where("widget_id", "=", widgetId);
  return query.orderBy("starts_at").orderBy("id").limit(limit).execute();
}
