/** @module The PostgreSQL store: a pg Pool behind Kysely, optionally confined to one schema. */
import { Kysely, PostgresDialect, sql } from "kysely";
import type { Database } from "./db-schema.js";
import { withErrorMapping } from "./error-mapping-dialect.js";
import { createKyselyStore } from "./kysely-store.js";
import { hasMigrated, migrateToLatest } from "./migrations/index.js";
import { mapPostgresError } from "./postgres-errors.js";
import { createResilientPool } from "./postgres-pool.js";
import { postgresSeatBooker } from "./postgres-seat-booker.js";
import type { Store } from "./types.js";

/** Options for `createPostgresStore`. */
export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:port/db`. */
  connectionString: string;
  /** Schema for every table (set as `search_path`); `migrate()` creates it. Default: the server's search_path. */
  schema?: string;
  /** Pool size; default 10 (pg's default, enough for one Node process). */
  max?: number;
  /** Longest a query may run or wait (locks included) before it fails as unavailable; default 5000. */
  statementTimeoutMs?: number;
  /** `application_name` of the connections; default `slotbook`. */
  applicationName?: string;
}

// Plain identifiers only, so the name can go into search_path and DDL without quoting.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** 5 s: the spec's default `DATABASE_STATEMENT_TIMEOUT_MS`; a booking's statements take milliseconds. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

/**
 * A store on PostgreSQL. Connections open lazily; run `migrate()` before use.
 * @example const store = createPostgresStore({ connectionString: process.env.DATABASE_URL! }); await store.migrate();
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const { connectionString, schema, max = 10, statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS } = options;
  const applicationName = options.applicationName ?? "slotbook";
  if (typeof connectionString !== "string" || connectionString === "") {
    throw new TypeError("PostgreSQL connectionString must be a non-empty string");
  }
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    throw new TypeError("PostgreSQL schema must be a plain identifier");
  if (!Number.isInteger(max) || max < 1) throw new TypeError("PostgreSQL pool max must be a positive integer");
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 1)
    throw new TypeError("PostgreSQL statementTimeoutMs must be a positive integer");

  const pool = createResilientPool({
    connectionString,
    max,
    statementTimeoutMs,
    applicationName,
    ...(schema !== undefined ? { schema } : {}),
  });
  const db = new Kysely<Database>({ dialect: withErrorMapping(new PostgresDialect({ pool }), mapPostgresError) });
  const migrate = async () => {
    // Name the schema explicitly: Kysely otherwise finds its migration table in any schema of the database.
    const target = schema ?? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name;
    await migrateToLatest(db, "postgres", target);
  };
  const migrated = async () => {
    try {
      return await hasMigrated(db, "postgres", schema);
    } catch (error) {
      // 3D000: the database itself does not exist, which is no Slotbook database either.
      if ((error as { cause?: { code?: unknown } }).cause?.code === "3D000") return false;
      throw error;
    }
  };
  return createKyselyStore({
    kind: "postgres",
    db,
    migrate,
    hasMigrated: migrated,
    bookSeat: postgresSeatBooker((query) => pool.run(query)),
  });
}
