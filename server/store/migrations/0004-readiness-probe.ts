/** @module A one-row table that `/readyz` writes to, so readiness means "can take writes", not only "answers". */
import { type Kysely, type Migration, sql } from "kysely";

/** The `readiness` table with its single row. */
export function readinessProbeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("readiness")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("checked_at", "text", (c) => c.notNull())
        .execute();
      await sql`insert into readiness (id, checked_at) values (1, '')`.execute(db);
    },
  };
}
