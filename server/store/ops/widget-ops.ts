/** @module Widget reads and writes on a Kysely handle (the store itself or a transaction). */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { toColumns, WIDGET_COLUMNS } from "../row-mapping.js";
import type { WidgetRow } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;
type WidgetPatch = Partial<Omit<WidgetRow, "id" | "createdAt">>;

/** Inserts one widget. */
export async function insertWidget(db: Db, row: WidgetRow): Promise<void> {
  await db.insertInto("widgets").values(toColumns(row)).execute();
}

/** One widget by id. */
export function getWidget(db: Db, id: string): Promise<WidgetRow | undefined> {
  return db.selectFrom("widgets").select(WIDGET_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** Every widget, oldest first. */
export function listWidgets(db: Db): Promise<WidgetRow[]> {
  return db.selectFrom("widgets").select(WIDGET_COLUMNS).orderBy("created_at").orderBy("id").execute();
}

/** Writes the patch's defined fields; the row after the write. */
export async function updateWidget(db: Db, id: string, patch: WidgetPatch): Promise<WidgetRow | undefined> {
  const set = toColumns(patch);
  if (Object.keys(set).length === 0) return getWidget(db, id);
  return db.updateTable("widgets").set(set).where("id", "=", id).returning(WIDGET_COLUMNS).executeTakeFirst();
}

/** Deletes a widget and everything that belongs to it, atomically. */
export function deleteWidget(db: Db, id: string): Promise<boolean> {
  return atomically(db, async (trx) => {
    // Children first: bookings reference slots, and both reference the widget.
    await trx.deleteFrom("idempotency").where("widget_id", "=", id).execute();
    await trx.deleteFrom("bookings").where("widget_id", "=", id).execute();
    await trx.deleteFrom("slots").where("widget_id", "=", id).execute();
    const result = await trx.deleteFrom("widgets").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
