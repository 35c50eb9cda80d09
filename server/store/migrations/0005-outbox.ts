/** @module The transactional outbox: one row per message or delivery a change owes someone, written in its transaction. */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/** The `outbox` table and the two indexes its readers need (the worker's due scan, a booking's history). */
export function outboxMigration(kind: Store["kind"]): Migration {
  // Ids and times in bytewise "C" collation on PostgreSQL, like every other table, so ISO times compare as time.
  const text = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("outbox")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("kind", text, (c) => c.notNull())
        .addColumn("event", text, (c) => c.notNull())
        // Null for events of no booking (a webhook test ping). Deleting a widget deletes its bookings and so this.
        .addColumn("booking_id", text, (c) => c.references("bookings.id").onDelete("cascade"))
        .addColumn("widget_id", text)
        .addColumn("target", text, (c) => c.notNull())
        // What may be read as it is (ids, times) apart from what is personal, sealed with the row id as additional
        // data: an erase forgets `sealed` and leaves the rest, so a thin webhook still reports the erase.
        .addColumn("payload", "text")
        .addColumn("sealed", "text")
        .addColumn("due_at", text, (c) => c.notNull())
        .addColumn("status", text, (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("lease_until", text)
        .addColumn("last_error", "text")
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        .execute();
      // Partial: delivered rows pile up, but the worker's poll every second reads only what is still pending.
      await db.schema
        .createIndex("outbox_pending_due_idx")
        .on("outbox")
        .column("due_at")
        .where(sql.ref("status"), "=", "pending")
        .execute();
      await db.schema.createIndex("outbox_booking_idx").on("outbox").columns(["booking_id", "created_at"]).execute();
    },
  };
}
