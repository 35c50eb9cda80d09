/**
 * @module Test helpers shared by the store and API suites: throwaway SQLite files and PostgreSQL schemas.
 * No vitest import here, so any code may load it.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./db-schema.js";
import { createPostgresStore, type PostgresStoreOptions } from "./postgres-store.js";
import { createSqliteStore } from "./sqlite-store.js";
import type { Store } from "./types.js";

/** The PostgreSQL the tests use; CI and the dev box both answer on 127.0.0.1:5432 (trust auth, database `test`). */
export const TEST_POSTGRES_URL = process.env.SLOTBOOK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

// 1 s: a local server answers in milliseconds; longer only delays suites on machines without one.
const PROBE_TIMEOUT_MS = 1000;

let probe: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers; probed once per process. */
export function postgresAvailable(): Promise<boolean> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probe;
}

/**
 * Whether the PostgreSQL suites can run. Under CI (`CI` set) a missing server is a failure, not a skip: a green run
 * must mean the suites ran.
 */
export async function requirePostgres(): Promise<boolean> {
  const available = await postgresAvailable();
  if (!available && process.env.CI) {
    throw new Error(`CI is set but PostgreSQL does not answer at ${TEST_POSTGRES_URL}; start it or unset CI`);
  }
  return available;
}

/** A migrated store and how to throw it away. */
export interface TestStore {
  store: Store;
  cleanup: () => Promise<void>;
}

/** A migrated SQLite store on a fresh file in a temp directory; `cleanup` closes it and deletes the directory. */
export async function makeTestSqliteStore(): Promise<TestStore & { filename: string }> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-store-"));
  const filename = join(dir, "slotbook.db");
  const store = createSqliteStore({ filename });
  await store.migrate();
  const cleanup = async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { store, filename, cleanup };
}

/** A migrated PostgreSQL store in a fresh `sb_test_<random>` schema; `cleanup` closes it and drops the schema. */
export async function makeTestPostgresStore(
  options: Pick<PostgresStoreOptions, "statementTimeoutMs" | "max"> = {},
): Promise<TestStore & { connectionString: string; schema: string }> {
  const schema = `sb_test_${randomBytes(6).toString("hex")}`;
  // The schema as application_name, so a fault test finds exactly this store's connections in pg_stat_activity.
  const store = createPostgresStore({
    connectionString: TEST_POSTGRES_URL,
    schema,
    applicationName: schema,
    ...options,
  });
  await migrateBesideDroppedSchemas(store);
  const cleanup = async () => {
    await store.close();
    await dropTestSchema(schema);
  };
  return { store, connectionString: TEST_POSTGRES_URL, schema, cleanup };
}

/**
 * `migrate()`, again when it fails with 3F000 for another schema: Kysely's migrator looks its lock table up in the
 * catalog of the whole database, and that look-up fails when a parallel test file drops its own schema meanwhile.
 */
async function migrateBesideDroppedSchemas(store: Store): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.migrate();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== "3F000" || attempt >= 5) throw error;
    }
  }
}

/** Drops a schema made for a test, with everything in it. */
export async function dropTestSchema(schema: string): Promise<void> {
  if (!/^sb_test_\w+$/.test(schema)) throw new TypeError(`not a test schema: ${schema}`);
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** A named way to make a test store, for running one suite on every engine. */
export interface TestStoreFactory {
  name: Store["kind"];
  make: () => Promise<TestStore>;
}

/**
 * The engines to run a suite on: SQLite always, PostgreSQL when it answers.
 * @example for (const { name, make } of await testStores()) describe(name, () => { … });
 */
export async function testStores(): Promise<TestStoreFactory[]> {
  const factories: TestStoreFactory[] = [{ name: "sqlite", make: makeTestSqliteStore }];
  if (await requirePostgres()) factories.push({ name: "postgres", make: makeTestPostgresStore });
  return factories;
}

/** The engines a migration test runs on: SQLite always, PostgreSQL when it answers (under CI it must). */
export async function testEngines(): Promise<Store["kind"][]> {
  return ["sqlite", ...((await requirePostgres()) ? (["postgres"] as const) : [])];
}

/** A bare, unmigrated Kysely handle (in-memory SQLite, or a fresh schema on PostgreSQL) and how to dispose of it. */
export async function freshDb(kind: Store["kind"]) {
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
