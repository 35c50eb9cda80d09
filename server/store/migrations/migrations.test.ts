/** @module The migration runner on both engines: a database that ran a later-numbered migration first still upgrades. */
import { randomBytes } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { describe, expect, test } from "vitest";
import type { Database } from "../db-schema.js";
import { dropTestSchema, requirePostgres, TEST_POSTGRES_URL } from "../testing.js";
import type { Store } from "../types.js";
import { migrateToLatest, migrations } from "./index.js";

/** A throwaway Kysely handle per engine (a fresh schema on PostgreSQL) and how to dispose of it. */
async function freshDb(kind: Store["kind"]) {
  if (kind === "sqlite") {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(":memory:") }) });
    return { db, schema: undefined, dispose: () => db.destroy() };
  }
  const schema = `sb_test_${randomBytes(6).toString("hex")}`;
  const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await db.schema.createSchema(schema).execute();
  return {
    db,
    schema,
    dispose: async () => {
      await db.destroy();
      await dropTestSchema(schema);
    },
  };
}

const engines: Store["kind"][] = ["sqlite", ...((await requirePostgres()) ? (["postgres"] as const) : [])];

describe.each(engines)("migrations on %s", (kind) => {
  test("a database that ran 0001 and 0004 before 0003 existed gets 0003 and works", async () => {
    const { db, schema, dispose } = await freshDb(kind);
    try {
      const all = migrations(kind);
      const before = { "0001-initial": all["0001-initial"]!, "0004-readiness-probe": all["0004-readiness-probe"]! };
      const early = new Migrator({
        db,
        provider: { getMigrations: async () => before },
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      expect((await early.migrateToLatest()).error).toBeUndefined();
      await db
        .insertInto("api_keys")
        .values({ id: "key_old", hash: "h", created_at: "2026-12-01T09:00:00.000Z" })
        .execute();

      await migrateToLatest(db, kind, schema);
      const row = await db.selectFrom("api_keys").selectAll().where("id", "=", "key_old").executeTakeFirst();
      expect(row).toMatchObject({ id: "key_old", label: null, last_used_at: null });
      const ran = await new Migrator({
        db,
        provider: { getMigrations: async () => all },
        ...(schema ? { migrationTableSchema: schema } : {}),
      }).getMigrations();
      expect(ran.every((m) => m.executedAt !== undefined)).toBe(true);
    } finally {
      await dispose();
    }
  });
});
