/** @module Widget reads and writes on a Kysely handle (the store itself or a transaction). */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { toColumns, WIDGET_COLUMNS } from "../row-mapping.js";
import type { StoreOps } from "../types.js";
import { atomically } from "./atomically.js";

type WidgetOps = Pick<StoreOps, "insertWidget" | "getWidget" | "listWidgets" | "updateWidget" | "deleteWidget">;

/** The widget half of `StoreOps`. */
export function widgetOps(db: Kysely<Database>): WidgetOps {
  const getWidget: WidgetOps["getWidget"] = (id) =>
    db.selectFrom("widgets").select(WIDGET_COLUMNS).where("id", "=", id).executeTakeFirst();

  return {
    async insertWidget(row) {
      await db.insertInto("widgets").values(toColumns(row)).execute();
    },
    getWidget,
    listWidgets: () => db.selectFrom("widgets").select(WIDGET_COLUMNS).orderBy("created_at").orderBy("id").execute(),
    async updateWidget(id, patch) {
      const set = toColumns(patch);
      if (Object.keys(set).length === 0) return getWidget(id);
      return db.updateTable("widgets").set(set).where("id", "=", id).returning(WIDGET_COLUMNS).executeTakeFirst();
    },
    deleteWidget: (id) =>
      atomically(db, async (trx) => {
        // Children first: bookings reference slots, and both reference the widget.
        await trx.deleteFrom("idempotency").where("widget_id", "=", id).execute();
        await trx.deleteFrom("bookings").where("widget_id", "=", id).execute();
        await trx.deleteFrom("slots").where("widget_id", "=", id).execute();
        const result = await trx.deleteFrom("widgets").where("id", "=", id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
  };
}
