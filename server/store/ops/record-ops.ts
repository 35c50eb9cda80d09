/** @module Idempotency records: the first answer to each key, purged after a day. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { IDEMPOTENCY_COLUMNS, toColumns } from "../row-mapping.js";
import type { IdempotencyRow } from "../types.js";

type Db = Kysely<Database>;

/** Records the first answer to an idempotency key. */
export async function insertIdempotency(db: Db, row: IdempotencyRow): Promise<void> {
  await db.insertInto("idempotency").values(toColumns(row)).execute();
}

/** The recorded answer for (widget, key). */
export function getIdempotency(db: Db, widgetId: string, key: string): Promise<IdempotencyRow | undefined> {
  return db
    .selectFrom("idempotency")
    .select(IDEMPOTENCY_COLUMNS)
    .where("widget_id", "=", widgetId)
    .where("key", "=", key)
    .executeTakeFirst();
}

/** Deletes records created before `before`; how many went. */
export async function purgeIdempotency(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom("idempotency").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
