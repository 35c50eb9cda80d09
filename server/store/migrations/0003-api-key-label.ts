/** @module API keys get a label (who uses the key) and the time of their last use, so a leaked one can be found and revoked. */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/** `api_keys.label` and `api_keys.last_used_at`, both nullable: keys made before have neither. */
export function apiKeyLabelMigration(kind: Store["kind"]): Migration {
  // A time column like every other: bytewise "C" collation on PostgreSQL, so comparing ISO times is time order.
  const time = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable("api_keys").addColumn("label", "text").execute();
      await db.schema.alterTable("api_keys").addColumn("last_used_at", time).execute();
    },
  };
}
