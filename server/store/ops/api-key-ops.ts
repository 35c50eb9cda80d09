/** @module Admin API keys in the store: hashes with a label and the time of last use; revoking deletes the row. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { API_KEY_COLUMNS, toColumns } from "../row-mapping.js";
import type { ApiKeyRow } from "../types.js";

type Db = Kysely<Database>;

/** Inserts one API key (its hash). */
export async function insertApiKey(db: Db, row: ApiKeyRow): Promise<void> {
  await db.insertInto("api_keys").values(toColumns(row)).execute();
}

/** The API key with this hash. */
export function findApiKey(db: Db, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom("api_keys").select(API_KEY_COLUMNS).where("hash", "=", hash).executeTakeFirst();
}

/** Every API key, oldest first (ties by id, so the order is stable). */
export function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.selectFrom("api_keys").select(API_KEY_COLUMNS).orderBy("created_at").orderBy("id").execute();
}

/** Deletes the key with this id; false when there was none. */
export async function deleteApiKey(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("api_keys").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sets `last_used_at` unless a write after `unlessAfter` is already there (the condition makes racing writes one). */
export async function markApiKeyUsed(db: Db, id: string, at: string, unlessAfter: string): Promise<void> {
  await db
    .updateTable("api_keys")
    .set({ last_used_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", unlessAfter)]))
    .execute();
}
