/** @module Builds a `Store` from a Kysely instance; the engines differ only in how that instance is made. */
import { type Kysely, sql } from "kysely";
import type { Database } from "./db-schema.js";
import { createOps } from "./ops/index.js";
import type { Store } from "./types.js";

/** What an engine supplies: its Kysely instance and how to migrate it. */
export interface KyselyStoreParts {
  kind: Store["kind"];
  db: Kysely<Database>;
  migrate: () => Promise<void>;
}

/** A `Store` whose operations, transactions, ping and close all go through `db`. */
export function createKyselyStore({ kind, db, migrate }: KyselyStoreParts): Store {
  return {
    kind,
    ...createOps(db),
    // Kysely rolls back and rethrows when `fn` throws; on SQLite other callers wait for the one connection.
    transaction: (fn) => db.transaction().execute((trx) => fn(createOps(trx))),
    migrate,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
