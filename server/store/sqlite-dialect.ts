/** @module Kysely's SqliteDialect with write transactions that take the write lock up front. */

import type { SqliteDialectConfig } from "kysely";
import { CompiledQuery, type DatabaseConnection, type Dialect, SqliteDialect, SqliteDriver } from "kysely";

/**
 * A SqliteDialect whose transactions start with `BEGIN IMMEDIATE`. A deferred BEGIN that reads first
 * and writes later must upgrade its lock, and that upgrade fails with SQLITE_BUSY at once (busy_timeout
 * cannot help) when another process wrote meanwhile; taking the lock at BEGIN makes writers queue instead.
 * `beforeBegin` runs first and may throw to refuse the transaction (see the SQLite store's file check).
 */
export function immediateSqliteDialect(config: SqliteDialectConfig, beforeBegin: () => void = () => {}): Dialect {
  class ImmediateSqliteDriver extends SqliteDriver {
    override async beginTransaction(connection: DatabaseConnection): Promise<void> {
      beforeBegin();
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    }
  }
  class ImmediateSqliteDialect extends SqliteDialect {
    override createDriver() {
      return new ImmediateSqliteDriver(config);
    }
  }
  return new ImmediateSqliteDialect(config);
}
