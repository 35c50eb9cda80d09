/** @module Webhook endpoints in the store, and their deliveries (outbox rows of kind `webhook`, `target` the endpoint id). */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { OUTBOX_COLUMNS, toColumns, WEBHOOK_COLUMNS } from "../row-mapping.js";
import type { OutboxRow, WebhookRow } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;

/** Inserts one endpoint. */
export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto("webhooks").values(toColumns(row)).execute();
}

/** The endpoint with this id. */
export function getWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom("webhooks").select(WEBHOOK_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** Every endpoint, oldest first. */
export function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.selectFrom("webhooks").select(WEBHOOK_COLUMNS).orderBy("created_at").orderBy("id").execute();
}

/** The active endpoints that hear of a widget's events: those scoped to it and those of every widget. */
export function activeWebhooksFor(db: Db, widgetId: string): Promise<WebhookRow[]> {
  return db
    .selectFrom("webhooks")
    .select(WEBHOOK_COLUMNS)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("widget_id", "is", null), eb("widget_id", "=", widgetId)]))
    .orderBy("created_at")
    .execute();
}

/** Writes the given columns; the row after the write, undefined when there is none. */
export async function updateWebhook(
  db: Db,
  id: string,
  patch: Partial<Omit<WebhookRow, "id" | "createdAt">>,
): Promise<WebhookRow | undefined> {
  return db
    .updateTable("webhooks")
    .set(toColumns(patch))
    .where("id", "=", id)
    .returning(WEBHOOK_COLUMNS)
    .executeTakeFirst();
}

/** Deletes the endpoint and its deliveries, sent or owed; false when there was none. */
export function deleteWebhook(db: Db, id: string): Promise<boolean> {
  return atomically(db, async (db) => {
    await db.deleteFrom("outbox").where("kind", "=", "webhook").where("target", "=", id).execute();
    const result = await db.deleteFrom("webhooks").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** An endpoint's deliveries, newest first, strictly after `after` in that order; at most `limit`. */
export function listDeliveries(
  db: Db,
  webhookId: string,
  after: { createdAt: string; id: string } | undefined,
  limit: number,
): Promise<OutboxRow[]> {
  let query = db
    .selectFrom("outbox")
    .select(OUTBOX_COLUMNS)
    .where("kind", "=", "webhook")
    .where("target", "=", webhookId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("created_at", "<", after.createdAt),
        eb.and([eb("created_at", "=", after.createdAt), eb("id", "<", after.id)]),
      ]),
    );
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/**
 * Makes one of the endpoint's deliveries due now again (pending, lease freed), whatever its state; the row after,
 * undefined when the endpoint has no such delivery. Replaying one in flight frees its lease, so that attempt's outcome
 * no longer counts (a row settles only under its own lease) and the replay is one more attempt.
 */
export async function replayDelivery(
  db: Db,
  webhookId: string,
  deliveryId: string,
  now: string,
): Promise<OutboxRow | undefined> {
  return db
    .updateTable("outbox")
    .set({ status: "pending", due_at: now, lease_until: null, updated_at: now })
    .where("id", "=", deliveryId)
    .where("kind", "=", "webhook")
    .where("target", "=", webhookId)
    .returning(OUTBOX_COLUMNS)
    .executeTakeFirst();
}
