/**
 * @module Webhook events as outbox rows: one row per subscribed endpoint, written in the change's transaction, with
 * the event id every retry and replay signs with. The thin body is stored as it is; the attendee and the booking's
 * context, for endpoints that asked for personal data, are sealed apart so an erase can forget them.
 */
import type { WebhookEvent, WebhookEventType } from "../../sdk/index.js";
import { decrypt, encrypt, type KeyRing } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { BookingRow, OutboxRow, SlotRow, StoreOps, WebhookRow } from "../store/types.js";
import { type PersonalData, toBooking } from "./booking-view.js";

/** The personal part of a booking event, sealed per delivery row. */
interface SealedPart {
  attendee: NonNullable<Extract<WebhookEvent, { data: { booking: unknown } }>["data"]["attendee"]>;
  context?: PersonalData["context"];
}

/** A change to a booking as webhooks report it; `personal` is absent once erased. */
export interface BookingWebhookEvent {
  type: Exclude<WebhookEventType, "webhook.test">;
  booking: BookingRow;
  slot: Pick<SlotRow, "id" | "startsAt" | "endsAt">;
  personal?: PersonalData | undefined;
}

/** Whether an endpoint's subscription (`["*"]` or a list) takes this event. */
export function subscribes(endpoint: Pick<WebhookRow, "events">, type: WebhookEventType): boolean {
  const events = JSON.parse(endpoint.events) as string[];
  return events.includes("*") || events.includes(type);
}

/**
 * The delivery rows of one booking event for every active endpoint that hears of it, written in `tx`. All share one
 * event id (a receiver subscribed twice sees one event twice, under one `webhook-id`, and may dedupe it).
 */
export async function recordWebhookEvent(
  tx: StoreOps,
  deps: { keys: KeyRing; now: () => Date },
  event: BookingWebhookEvent,
): Promise<void> {
  const rows = webhookRows(deps, event, await tx.activeWebhooksFor(event.booking.widgetId));
  if (rows.length > 0) await tx.insertOutbox(rows);
}

/** The delivery rows of one booking event for those of `active` (the widget's active endpoints) that take it. */
export function webhookRows(
  deps: { keys: KeyRing; now: () => Date },
  event: BookingWebhookEvent,
  active: readonly WebhookRow[],
): OutboxRow[] {
  const endpoints = active.filter((e) => subscribes(e, event.type));
  if (endpoints.length === 0) return [];
  const now = deps.now().toISOString();
  const eventId = newId("evt");
  const payload = JSON.stringify({
    type: event.type,
    timestamp: now,
    data: { booking: toBooking(event.booking, event.slot) },
  });
  const personal = event.booking.status === "erased" ? undefined : event.personal;
  const part: SealedPart | undefined = personal && {
    attendee: {
      name: personal.name,
      email: personal.email,
      ...(personal.phone ? { phone: personal.phone } : {}),
      ...(personal.answers ? { answers: personal.answers } : {}),
      ...(personal.consent !== undefined ? { consent: personal.consent } : {}),
    },
    ...(personal.context ? { context: personal.context } : {}),
  };
  return endpoints.map((endpoint) => {
    const id = newId("obx");
    const sealed = part && endpoint.includePersonalData ? encrypt(deps.keys, JSON.stringify(part), id) : null;
    return deliveryRow({ id, eventId, event: event.type, endpoint, payload, sealed, now, booking: event.booking });
  });
}

/** The `webhook.test` delivery `POST /v1/admin/webhooks/{id}/test` queues. */
export function testDeliveryRow(endpoint: WebhookRow, now: string): OutboxRow {
  const payload = JSON.stringify({ type: "webhook.test", timestamp: now, data: { webhookId: endpoint.id } });
  return deliveryRow({
    id: newId("obx"),
    eventId: newId("evt"),
    event: "webhook.test",
    endpoint,
    payload,
    sealed: null,
    now,
  });
}

function deliveryRow(parts: {
  id: string;
  eventId: string;
  event: WebhookEventType;
  endpoint: WebhookRow;
  payload: string;
  sealed: string | null;
  now: string;
  booking?: BookingRow;
}): OutboxRow {
  const { id, eventId, event, endpoint, payload, sealed, now, booking } = parts;
  return {
    id,
    kind: "webhook",
    event,
    bookingId: booking?.id ?? null,
    widgetId: booking?.widgetId ?? null,
    target: endpoint.id,
    payload,
    sealed,
    dueAt: now,
    status: "pending",
    attempts: 0,
    leaseUntil: null,
    lastError: null,
    eventId,
    lastStatus: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The body a delivery row sends, the same bytes on every attempt: the stored thin event, with the attendee and the
 * booking's context when the row still holds them sealed (forgotten by an erase, so a late retry goes thin).
 */
export function deliveryBody(keys: KeyRing, row: OutboxRow): string {
  if (!row.payload) throw new TypeError(`Outbox row ${row.id} has no webhook payload`);
  if (!row.sealed) return row.payload;
  const event = JSON.parse(row.payload) as { data: { booking: Record<string, unknown>; attendee?: unknown } };
  const part = JSON.parse(decrypt(keys, row.sealed, row.id)) as SealedPart;
  const booking = { ...event.data.booking, ...(part.context ? { context: part.context } : {}) };
  return JSON.stringify({ ...event, data: { ...event.data, booking, attendee: part.attendee } });
}
