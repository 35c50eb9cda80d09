/**
 * @module The marketer console: users, their sessions, setup and invite tokens (all hashed), the funnel's daily
 * counters, and two booking columns: the UTM source the funnel groups by, and attendance after the class.
 */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/** `users`, `sessions`, `user_tokens`, `funnel_daily`; `bookings.source` and `bookings.attendance`. */
export function consoleMigration(kind: Store["kind"]): Migration {
  // Ids, times and keys in bytewise "C" collation on PostgreSQL, like every other table.
  const text = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", text, (c) => c.primaryKey())
        // Lower-cased on the way in, so the unique key is case-blind.
        .addColumn("email", text, (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", text, (c) => c.notNull())
        // scrypt$N$r$p$salt$hash, never the password.
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("updated_at", text, (c) => c.notNull())
        .addColumn("last_sign_in_at", text)
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
        // SHA-256 of the cookie's token: a copy of the database signs nobody in.
        .addColumn("token_hash", text, (c) => c.notNull().unique())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("expires_at", text, (c) => c.notNull())
        .addColumn("last_seen_at", text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("user_tokens")
        .addColumn("id", text, (c) => c.primaryKey())
        .addColumn("kind", text, (c) => c.notNull())
        .addColumn("token_hash", text, (c) => c.notNull().unique())
        // The invite's address; null for a setup link (the owner types theirs).
        .addColumn("email", text)
        .addColumn("role", text, (c) => c.notNull())
        .addColumn("created_at", text, (c) => c.notNull())
        .addColumn("expires_at", text, (c) => c.notNull())
        .addColumn("used_at", text)
        .execute();
      await db.schema
        .createTable("funnel_daily")
        .addColumn("widget_id", text, (c) => c.notNull().references("widgets.id").onDelete("cascade"))
        .addColumn("day", text, (c) => c.notNull())
        // `utm_source` as the page had it ('' for none): a campaign's name, nothing about the visitor.
        .addColumn("source", text, (c) => c.notNull())
        .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("slot_selected", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("form_started", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("funnel_daily_pk", ["widget_id", "day", "source"])
        .execute();
      // One column per statement: SQLite's ALTER TABLE adds one at a time. `source` is copied out of the sealed
      // context at booking time so the funnel can count bookings per source without decrypting every booking.
      await db.schema.alterTable("bookings").addColumn("source", text).execute();
      await db.schema.alterTable("bookings").addColumn("attendance", text).execute();
    },
  };
}
