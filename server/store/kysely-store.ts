/** @module Builds a `Store` from a Kysely instance; the engines differ only in how that instance is made. */
import { type Kysely, sql } from "kysely";
import type { Database } from "./db-schema.js";
import { KyselyOps } from "./ops/index.js";
import type { Store, StoreOps } from "./types.js";

/** What an engine supplies: its Kysely instance and how to migrate it. */
export interface KyselyStoreParts {
  kind: Store["kind"];
  db: Kysely<Database>;
  migrate: () => Promise<void>;
}

class KyselyStore extends KyselyOps implements Store {
  readonly kind: Store["kind"];
  readonly #migrate: () => Promise<void>;

  constructor({ kind, db, migrate }: KyselyStoreParts) {
    super(db);
    this.kind = kind;
    this.#migrate = migrate;
  }

  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    // Kysely rolls back and rethrows when `fn` throws; on SQLite other callers wait for the one connection.
    return this.db.transaction().execute((trx) => fn(new KyselyOps(trx)));
  }

  migrate(): Promise<void> {
    return this.#migrate();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** A `Store` whose operations, transactions, ping and close all go through `db`. */
export function createKyselyStore(parts: KyselyStoreParts): Store {
  return new KyselyStore(parts);
}
