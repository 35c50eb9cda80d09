/**
 * @module Webhook endpoints for the admin: create (the secret shown once), list, change, delete, rotate the secret
 * (the old one signs too for 24 h), send a test event, read the delivery log and replay a delivery; and the messages
 * and deliveries a booking caused.
 */
import { randomBytes } from "node:crypto";
import type { output } from "zod/v4/core";
import type {
  BookingMessage,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookRotated,
  webhookCreateSchema,
  webhookUpdateSchema,
} from "../../sdk/index.js";
import { decrypt, encrypt, type KeyRing } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { OutboxRow, WebhookRow } from "../store/types.js";
import { webhookUrlProblem } from "../webhooks/address-policy.js";
import type { Deps } from "./deps.js";
import { DomainError, validationFailed } from "./domain-error.js";
import { decodeCursor, encodeCursor } from "./keyset-cursor.js";
import { testDeliveryRow } from "./webhook-events.js";

/** 24 h: how long the secret a rotation replaced keeps signing, so receivers can switch without missing an event. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** Deliveries per page of the delivery log. */
const DELIVERY_PAGE = 50;

/** A new signing secret in the Standard Webhooks format: `whsec_` and base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The secrets a delivery is signed with now: the current one, and the one a rotation replaced until it expires. */
export function signingSecrets(keys: KeyRing, row: WebhookRow, now: Date): string[] {
  const secrets = [decrypt(keys, row.secret, row.id)];
  if (row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now.toISOString()) {
    secrets.push(decrypt(keys, row.previousSecret, row.id));
  }
  return secrets;
}

/** The endpoint as the admin API shows it: never a secret. */
export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    widgetId: row.widgetId,
    includePersonalData: row.includePersonalData === 1,
    description: row.description,
    status: row.status,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function checkTarget(deps: Deps, input: { url?: string | undefined; widgetId?: string | null | undefined }) {
  const problem =
    input.url === undefined ? undefined : webhookUrlProblem(input.url, deps.allowPrivateWebhooks ?? false);
  if (problem) throw validationFailed([{ path: ["url"], code: "custom", message: problem }], problem);
  if (input.widgetId && !(await deps.store.getWidget(input.widgetId))) {
    const message = `No widget ${input.widgetId}`;
    throw validationFailed([{ path: ["widgetId"], code: "custom", message }], message);
  }
}

async function endpoint(deps: Deps, id: string): Promise<WebhookRow> {
  const row = await deps.store.getWebhook(id);
  if (!row) throw new DomainError("not_found", `No webhook ${id}`);
  return row;
}

/** Creates an endpoint, active; its `secret` is in this answer only (the store keeps it sealed). */
export async function createWebhook(deps: Deps, input: output<typeof webhookCreateSchema>): Promise<WebhookCreated> {
  await checkTarget(deps, input);
  const id = newId("whk");
  const secret = newWebhookSecret();
  const now = deps.now().toISOString();
  const row: WebhookRow = {
    id,
    url: input.url,
    events: JSON.stringify(input.events),
    widgetId: input.widgetId ?? null,
    includePersonalData: input.includePersonalData ? 1 : 0,
    description: input.description ?? null,
    status: "active",
    disabledReason: null,
    secret: encrypt(deps.keys, secret, id),
    previousSecret: null,
    previousSecretExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.insertWebhook(row);
  return { ...toWebhook(row), secret };
}

/** Every endpoint, oldest first. */
export async function listWebhooks(deps: Deps): Promise<Webhook[]> {
  return (await deps.store.listWebhooks()).map(toWebhook);
}

/** One endpoint; 404 when there is none. */
export async function getWebhook(deps: Deps, id: string): Promise<Webhook> {
  return toWebhook(await endpoint(deps, id));
}

/** Changes some fields; `status: "active"` re-enables one a 410 disabled (the reason is cleared). */
export async function updateWebhook(
  deps: Deps,
  id: string,
  patch: output<typeof webhookUpdateSchema>,
): Promise<Webhook> {
  await endpoint(deps, id);
  await checkTarget(deps, patch);
  const { events, includePersonalData, status, ...plain } = patch;
  const updated = await deps.store.updateWebhook(id, {
    ...plain,
    ...(events ? { events: JSON.stringify(events) } : {}),
    ...(includePersonalData === undefined ? {} : { includePersonalData: includePersonalData ? 1 : 0 }),
    ...(status ? { status, disabledReason: status === "disabled" ? "Disabled by an admin" : null } : {}),
    updatedAt: deps.now().toISOString(),
  });
  if (!updated) throw new DomainError("not_found", `No webhook ${id}`);
  return toWebhook(updated);
}

/** Deletes an endpoint and its delivery log; what it was still owed is not sent. */
export async function deleteWebhook(deps: Deps, id: string): Promise<void> {
  if (!(await deps.store.deleteWebhook(id))) throw new DomainError("not_found", `No webhook ${id}`);
}

/** A new secret; the one it replaces keeps signing (a second `v1,` signature) for `SECRET_OVERLAP_MS`. */
export async function rotateWebhookSecret(deps: Deps, id: string): Promise<WebhookRotated> {
  const row = await endpoint(deps, id);
  const now = deps.now();
  const secret = newWebhookSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
  const updated = await deps.store.updateWebhook(id, {
    secret: encrypt(deps.keys, secret, id),
    // Sealed under the same endpoint id, so the envelope moves over as it is.
    previousSecret: row.secret,
    previousSecretExpiresAt,
    updatedAt: now.toISOString(),
  });
  if (!updated) throw new DomainError("not_found", `No webhook ${id}`);
  return { secret, previousSecretExpiresAt };
}

/** Queues a `webhook.test` event to the endpoint now; the delivery, pending. */
export async function testWebhook(deps: Deps, id: string): Promise<WebhookDelivery> {
  const row = await endpoint(deps, id);
  const delivery = testDeliveryRow(row, deps.now().toISOString());
  await deps.store.insertOutbox([delivery]);
  return toDelivery(delivery);
}

/** One page of the endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(
  deps: Deps,
  id: string,
  cursor: string | undefined,
): Promise<WebhookDeliveryList> {
  await endpoint(deps, id);
  const rows = await deps.store.listDeliveries(id, cursor ? decodeCursor(cursor) : undefined, DELIVERY_PAGE + 1);
  const page = rows.slice(0, DELIVERY_PAGE);
  return {
    data: page.map(toDelivery),
    nextCursor: rows.length > DELIVERY_PAGE ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Sends one of the endpoint's deliveries again now, whatever became of it; the delivery, pending. */
export async function replayWebhookDelivery(deps: Deps, id: string, deliveryId: string): Promise<WebhookDelivery> {
  await endpoint(deps, id);
  const row = await deps.store.replayDelivery(id, deliveryId, deps.now().toISOString());
  if (!row) throw new DomainError("not_found", `No delivery ${deliveryId} of webhook ${id}`);
  return toDelivery(row);
}

/** A delivery row as the log shows it (a `dropped` one, which only an email can be, reads as failed). */
function toDelivery(row: OutboxRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId ?? row.id,
    type: row.event as WebhookDelivery["type"],
    status: row.status === "dropped" ? "failed" : row.status,
    attempts: row.attempts,
    ...(row.lastStatus !== null ? { lastStatus: row.lastStatus } : {}),
    ...(row.lastError !== null ? { lastError: row.lastError } : {}),
    ...(row.status === "pending" ? { nextAttemptAt: row.dueAt } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every email and webhook delivery a booking caused, in the order they were written, with their state. */
export async function bookingMessages(deps: Deps, bookingId: string): Promise<BookingMessage[]> {
  if (!(await deps.store.getBooking(bookingId))) throw new DomainError("not_found", `No booking ${bookingId}`);
  const rows = await deps.store.listOutbox(bookingId);
  return rows.map((row) => ({
    id: row.id,
    channel: row.kind,
    type: row.event,
    ...(row.kind === "email" ? { audience: row.target as "visitor" | "team" } : { webhookId: row.target }),
    status: row.status,
    attempts: row.attempts,
    ...(row.lastStatus !== null ? { lastStatus: row.lastStatus } : {}),
    ...(row.lastError !== null ? { lastError: row.lastError } : {}),
    dueAt: row.dueAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}
