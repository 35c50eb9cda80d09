/** @module Picks the engine from `DATABASE_URL`: SQLite by default, PostgreSQL for postgres:// URLs. */
import { join, resolve } from "node:path";
import { createPostgresStore } from "./postgres-store.js";
import { createSqliteStore, type SqliteStoreOptions } from "./sqlite-store.js";
import type { Store } from "./types.js";

/** Engine options that a URL does not carry; each engine ignores the other's. */
export interface OpenStoreOptions {
  /** SQLite durability, see `createSqliteStore`. */
  synchronous?: SqliteStoreOptions["synchronous"];
  /** SQLite: open only an existing file, see `createSqliteStore`. */
  mustExist?: boolean;
  /** PostgreSQL schema, see `createPostgresStore`. */
  schema?: string;
  /** PostgreSQL pool size. */
  max?: number;
  /** PostgreSQL statement timeout, see `createPostgresStore`. */
  statementTimeoutMs?: number;
}

/** The embedded database's file in a data folder (`SLOTBOOK_DATA_DIR`). */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, "slotbook.db");
}

/** Where the embedded database lives when no `DATABASE_URL` is set (spec: "SQLite in a file under ./.slotbook/"). */
export const DEFAULT_SQLITE_FILENAME = `./${sqliteFileIn(".slotbook")}`;

/**
 * The store for a `DATABASE_URL`: unset → `./.slotbook/slotbook.db`, `sqlite:PATH` → that file,
 * `postgres://…`/`postgresql://…` → PostgreSQL. Anything else throws a `TypeError` naming the variable.
 * @example const store = openStore(process.env.DATABASE_URL); await store.migrate();
 */
export function openStore(databaseUrl: string | undefined, opts: OpenStoreOptions = {}): Store {
  const sqlite = (filename: string) =>
    createSqliteStore({
      filename,
      ...(opts.synchronous ? { synchronous: opts.synchronous } : {}),
      ...(opts.mustExist ? { mustExist: true } : {}),
    });
  const file = sqliteFile(databaseUrl);
  if (file !== undefined) return sqlite(file);
  if (isPostgresUrl(databaseUrl)) {
    return createPostgresStore({
      connectionString: databaseUrl,
      ...(opts.schema !== undefined ? { schema: opts.schema } : {}),
      ...(opts.max !== undefined ? { max: opts.max } : {}),
      ...(opts.statementTimeoutMs !== undefined ? { statementTimeoutMs: opts.statementTimeoutMs } : {}),
    });
  }
  throw badScheme(databaseUrl);
}

/**
 * Throws the `TypeError` `openStore` would for a `DATABASE_URL` it cannot open, without opening anything, so
 * start-up can refuse a bad value with one line before doing any work.
 */
export function checkDatabaseUrl(databaseUrl: string | undefined): void {
  if (sqliteFile(databaseUrl) === undefined && !isPostgresUrl(databaseUrl)) throw badScheme(databaseUrl);
}

function badScheme(databaseUrl: string | undefined): TypeError {
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl ?? "")?.[0] ?? "(none)";
  return new TypeError(`DATABASE_URL must start with sqlite:, postgres:// or postgresql:// (scheme: ${scheme})`);
}

/**
 * The database a `DATABASE_URL` names, for a person to read: `SQLite database /abs/path.db` or `PostgreSQL database
 * postgres://host:port/name`, never the user name or password.
 * @example describeDatabase("postgres://app:secret@db.internal/slotbook") // "PostgreSQL database postgres://db.internal:5432/slotbook"
 */
export function describeDatabase(databaseUrl: string | undefined): string {
  const file = sqliteFile(databaseUrl);
  if (file !== undefined) return `SQLite database ${resolve(file)}`;
  if (isPostgresUrl(databaseUrl)) {
    const url = new URL(databaseUrl);
    return `PostgreSQL database postgres://${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname}`;
  }
  return "the database DATABASE_URL names";
}

/** The SQLite file a URL names (unset → the default file), or undefined for another engine. */
function sqliteFile(databaseUrl: string | undefined): string | undefined {
  if (databaseUrl === undefined || databaseUrl === "") return DEFAULT_SQLITE_FILENAME;
  if (!databaseUrl.startsWith("sqlite:")) return undefined;
  // Accept the URL-looking `sqlite:///abs/path` and `sqlite://rel/path` as well as `sqlite:path`.
  const path = databaseUrl.slice("sqlite:".length).replace(/^\/\//, "");
  if (path === "") throw new TypeError("DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/slotbook.db");
  return path;
}

function isPostgresUrl(databaseUrl: string | undefined): databaseUrl is string {
  return databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(databaseUrl);
}
