/** @module Slot reads and writes, including the seat counter that can never oversell. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { SLOT_COLUMNS, toColumns } from "../row-mapping.js";
import type { StoreOps } from "../types.js";
import { atomically } from "./atomically.js";

type SlotOps = Pick<
  StoreOps,
  "insertSlots" | "getSlot" | "listSlots" | "updateSlot" | "deleteSlot" | "takeSeat" | "releaseSeat"
>;

// 500 rows × 10 columns = 5,000 bind variables: under SQLite's 32,766 and PostgreSQL's 65,535 per statement.
const INSERT_CHUNK = 500;

/** The slot part of `StoreOps`. */
export function slotOps(db: Kysely<Database>): SlotOps {
  const getSlot: SlotOps["getSlot"] = (id) =>
    db.selectFrom("slots").select(SLOT_COLUMNS).where("id", "=", id).executeTakeFirst();

  return {
    async insertSlots(rows) {
      if (rows.length === 0) return;
      const insert = async (trx: Kysely<Database>) => {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await trx
            .insertInto("slots")
            .values(rows.slice(i, i + INSERT_CHUNK).map(toColumns))
            .execute();
        }
      };
      await (rows.length > INSERT_CHUNK ? atomically(db, insert) : insert(db));
    },
    getSlot,
    listSlots(widgetId, window = {}) {
      let query = db.selectFrom("slots").select(SLOT_COLUMNS).where("widget_id", "=", widgetId);
      if (window.from !== undefined) query = query.where("starts_at", ">=", window.from);
      if (window.to !== undefined) query = query.where("starts_at", "<", window.to);
      if (window.status !== undefined) query = query.where("status", "=", window.status);
      return query.orderBy("starts_at").orderBy("id").execute();
    },
    async updateSlot(id, patch) {
      const set = toColumns(patch);
      if (Object.keys(set).length === 0) return getSlot(id);
      return db.updateTable("slots").set(set).where("id", "=", id).returning(SLOT_COLUMNS).executeTakeFirst();
    },
    async deleteSlot(id) {
      const result = await db.deleteFrom("slots").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async takeSeat(slotId, now) {
      // One conditional UPDATE: the row lock (PostgreSQL re-checks WHERE after waiting for it under
      // READ COMMITTED) or SQLite's single writer makes check-and-increment atomic, so no read-then-write race.
      const result = await db
        .updateTable("slots")
        .set((eb) => ({ booked: eb("booked", "+", 1), updated_at: now }))
        .where("id", "=", slotId)
        .where("status", "=", "active")
        .whereRef("booked", "<", "capacity")
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async releaseSeat(slotId, now) {
      await db
        .updateTable("slots")
        .set((eb) => ({ booked: eb("booked", "-", 1), updated_at: now }))
        .where("id", "=", slotId)
        .where("booked", ">", 0)
        .execute();
    },
  };
}
