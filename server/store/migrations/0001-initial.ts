/** @module First schema: widgets, slots with a seat counter, bookings, idempotency records, API keys. */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/** The initial tables and indexes; `kind` picks the text type (bytewise "C" collation on PostgreSQL). */
export function initialMigration(kind: Store["kind"]): Migration {
  // Times are ISO-8601 strings, so text order must be byte order for ranges and keyset pages
  // to agree with time order; SQLite's default BINARY collation already is, PostgreSQL needs "C".
  const text = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("widgets")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("status", text, (c) => c.notNull())
        .addColumn("config", "text", (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("slots")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("widget_id", text, (c) => c.notNull().references("widgets.id").onDelete("cascade"))
        .addColumn("starts_at", text, (c) => c.notNull())
        .addColumn("ends_at", text, (c) => c.notNull())
        .addColumn("capacity", "integer", (c) => c.notNull())
        .addColumn("booked", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("label", "text")
        .addColumn("status", text, (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        // The last line of defence against overselling, should a write ever bypass takeSeat.
        .addCheckConstraint("slots_booked_range", sql`booked >= 0 and booked <= capacity`)
        .execute();
      await db.schema.createIndex("slots_widget_starts_idx").on("slots").columns(["widget_id", "starts_at"]).execute();

      await db.schema
        .createTable("bookings")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("widget_id", text, (c) => c.notNull().references("widgets.id").onDelete("cascade"))
        // No cascade from slots: a slot with bookings is cancelled, never deleted, so deleting one is a bug to surface.
        .addColumn("slot_id", text, (c) => c.notNull().references("slots.id"))
        .addColumn("status", text, (c) => c.notNull())
        .addColumn("email_index", text)
        .addColumn("pii", "text")
        .addColumn("token_hash", text, (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        .addColumn("cancelled_at", text)
        .addColumn("erased_at", text)
        .execute();
      // One confirmed seat per email per slot, enforced by the database even when requests race.
      await db.schema
        .createIndex("bookings_confirmed_email_uq")
        .on("bookings")
        .columns(["slot_id", "email_index"])
        .unique()
        .where(sql.ref("status"), "=", "confirmed")
        .execute();
      // Every index is written on every booking, so only the ones the admin's usual reads need:
      // pages by widget or slot, and exact email lookup. Unfiltered or status-only listings sort a scan.
      const pageOrder = ["created_at desc", "id desc"];
      for (const column of ["widget_id", "slot_id"]) {
        await db.schema
          .createIndex(`bookings_${column}_created_idx`)
          .on("bookings")
          .columns([column, ...pageOrder])
          .execute();
      }
      await db.schema.createIndex("bookings_email_index_idx").on("bookings").column("email_index").execute();

      await db.schema
        .createTable("idempotency")
        .addColumn("widget_id", text, (c) => c.notNull())
        .addColumn("key", text, (c) => c.notNull())
        .addColumn("request_hash", text, (c) => c.notNull())
        .addColumn("status", "integer", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addPrimaryKeyConstraint("idempotency_pk", ["widget_id", "key"])
        // One b-tree instead of two on SQLite; the purge every 10 minutes scans a day of records instead of an index.
        .$call((table) => (kind === "sqlite" ? table.modifyEnd(sql`without rowid`) : table))
        .execute();

      await db.schema
        .createTable("api_keys")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("hash", text, (c) => c.notNull().unique())
        .addColumn("created_at", text, (c) => c.notNull())
        .execute();
    },
  };
}
