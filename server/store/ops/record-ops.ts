/** @module Idempotency records and admin API keys: small keyed tables with no domain logic. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { API_KEY_COLUMNS, IDEMPOTENCY_COLUMNS, toColumns } from "../row-mapping.js";
import type { StoreOps } from "../types.js";

type RecordOps = Pick<
  StoreOps,
  "insertIdempotency" | "getIdempotency" | "purgeIdempotency" | "insertApiKey" | "findApiKey"
>;

/** The idempotency and API key part of `StoreOps`. */
export function recordOps(db: Kysely<Database>): RecordOps {
  return {
    async insertIdempotency(row) {
      await db.insertInto("idempotency").values(toColumns(row)).execute();
    },
    getIdempotency: (widgetId, key) =>
      db
        .selectFrom("idempotency")
        .select(IDEMPOTENCY_COLUMNS)
        .where("widget_id", "=", widgetId)
        .where("key", "=", key)
        .executeTakeFirst(),
    async purgeIdempotency(before) {
      const result = await db.deleteFrom("idempotency").where("created_at", "<", before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async insertApiKey(row) {
      await db.insertInto("api_keys").values(toColumns(row)).execute();
    },
    findApiKey: (hash) => db.selectFrom("api_keys").select(API_KEY_COLUMNS).where("hash", "=", hash).executeTakeFirst(),
  };
}
