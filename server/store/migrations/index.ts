/** @module The migration list and the runner `store.migrate()` uses. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "../db-schema.js";
import type { Store } from "../types.js";
import { initialMigration } from "./0001-initial.js";
import { readinessProbeMigration } from "./0004-readiness-probe.js";

/** Every migration in order; names sort lexically, so keep the numeric prefix. */
export function migrations(kind: Store["kind"]): Record<string, Migration> {
  return { "0001-initial": initialMigration(kind), "0004-readiness-probe": readinessProbeMigration() };
}

/**
 * Applies pending migrations. Kysely's Migrator runs them in one transaction under a lock (an advisory
 * lock on PostgreSQL, the single writer on SQLite), so processes that start together apply each one once.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  kind: Store["kind"],
  migrationTableSchema?: string,
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(kind) };
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}
