/** @module The migration runner on both engines: a database that ran a later-numbered migration first still upgrades. */
import { Migrator } from "kysely";
import { describe, expect, test } from "vitest";
import { freshDb, testEngines } from "../testing.js";
import { migrateToLatest, migrations } from "./index.js";

const engines = await testEngines();

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
