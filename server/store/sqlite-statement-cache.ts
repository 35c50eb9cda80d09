/** @module A better-sqlite3 handle whose `prepare()` reuses statements, for Kysely's SqliteDialect. */
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

// The store has ~40 statement shapes; IN lists, bulk inserts and filter combinations add more.
// 256 keeps every hot statement cached while bounding memory if callers generate many shapes.
const MAX_STATEMENTS = 256;

/**
 * Wraps `db` so `prepare(sql)` returns a cached statement for SQL text it has seen.
 * Kysely prepares on every query, and preparing costs more than running the small statements we issue.
 */
export function cachingDatabase(db: BetterSqlite3.Database, max = MAX_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        // Evict the oldest entry (Map keeps insertion order); hot statements are re-added on their next use.
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
