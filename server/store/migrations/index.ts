/** @module The migration list and the runner `store.migrate()` uses. */
import { DEFAULT_MIGRATION_TABLE, type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Database } from "../db-schema.js";
import type { Store } from "../types.js";
import { initialMigration } from "./0001-initial.js";
import { bookingCancelReasonMigration } from "./0002-booking-cancel-reason.js";
import { apiKeyLabelMigration } from "./0003-api-key-label.js";
import { readinessProbeMigration } from "./0004-readiness-probe.js";
import { outboxMigration } from "./0005-outbox.js";
import { webhooksMigration } from "./0006-webhooks.js";
import { consoleMigration } from "./0007-console.js";

/** Every migration in order; names sort lexically, so keep the numeric prefix. */
export function migrations(kind: Store["kind"]): Record<string, Migration> {
  return {
    "0001-initial": initialMigration(kind),
    "0002-booking-cancel-reason": bookingCancelReasonMigration(kind),
    "0003-api-key-label": apiKeyLabelMigration(kind),
    "0004-readiness-probe": readinessProbeMigration(),
    "0005-outbox": outboxMigration(kind),
    "0006-webhooks": webhooksMigration(kind),
    "0007-console": consoleMigration(kind),
  };
}

/**
 * Applies pending migrations. Kysely's Migrator runs them in one transaction under a lock (an advisory
 * lock on PostgreSQL, the single writer on SQLite), so processes that start together apply each one once.
 * Unordered migrations are allowed: numbers are handed out ahead of merging (0004 landed before 0002 and 0003),
 * and Kysely would otherwise refuse every database that already ran a higher number. Each migration touches its
 * own tables or columns, so the order they run in does not matter.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  kind: Store["kind"],
  migrationTableSchema?: string,
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(kind) };
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}

/**
 * Whether `migrateToLatest` ever ran on this database (in `schema`, else the current schema, on PostgreSQL): its
 * migration table is there. Reads only, so asking creates nothing.
 */
export async function hasMigrated(db: Kysely<Database>, kind: Store["kind"], schema?: string): Promise<boolean> {
  const found =
    kind === "sqlite"
      ? sql`select 1 from sqlite_master where type = 'table' and name = ${DEFAULT_MIGRATION_TABLE}`
      : // current_schema() is null when no schema of the search_path exists: then nothing matches either.
        sql`select 1 from information_schema.tables
            where table_schema = coalesce(${schema ?? null}, current_schema()) and table_name = ${DEFAULT_MIGRATION_TABLE}`;
  return (await found.execute(db)).rows.length > 0;
}
