/** @module Webhook endpoints, and the two outbox columns a delivery needs: the event id it is signed with, the last HTTP status. */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/** The `webhooks` table; `outbox.event_id` and `outbox.last_status`, null for emails and rows written before. */
export function webhooksMigration(kind: Store["kind"]): Migration {
  // Ids and times in bytewise "C" collation on PostgreSQL, like every other table.
  const text = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("webhooks")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull())
        // JSON array of event types, or ["*"].
        .addColumn("events", "text", (c) => c.notNull())
        // Scoped to one widget, which takes its endpoints with it when deleted; null: every widget.
        .addColumn("widget_id", text, (c) => c.references("widgets.id").onDelete("cascade"))
        .addColumn("include_personal_data", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("description", "text")
        .addColumn("status", text, (c) => c.notNull())
        .addColumn("disabled_reason", "text")
        // The signing secret sealed with the key ring (the sender must sign, so a hash will not do), the endpoint id
        // as additional data; the previous one signs too until `previous_secret_expires_at`.
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("previous_secret", "text")
        .addColumn("previous_secret_expires_at", text)
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        .execute();
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable("outbox").addColumn("event_id", text).execute();
      await db.schema.alterTable("outbox").addColumn("last_status", "integer").execute();
      // An endpoint's deliveries, newest first, for its delivery log.
      await db.schema.createIndex("outbox_target_idx").on("outbox").columns(["target", "created_at"]).execute();
    },
  };
}
