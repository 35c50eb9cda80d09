/** @module Runs a multi-statement write in a transaction unless the caller already holds one. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";

/** Calls `fn` inside the current transaction, or in a new one when `db` is not a transaction (Kysely cannot nest them). */
export function atomically<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
