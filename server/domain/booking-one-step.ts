/**
 * @module The usual booking in one write (`Store.bookSeat`): the booking, its idempotency record and its follow-up
 * are built first, for the slot's times and the widget's webhook endpoints as last read here, and the write itself
 * checks those are still so. Anything else (a refusal, a key seen before, a changed slot) is left to the slow path.
 */
import type { BookingCreated, ParsedBookingRequest, Widget } from "../../sdk/index.js";
import {
  type SlotRow,
  type Store,
  StoreConflictError,
  UniqueViolationError,
  type WebhookRow,
  webhookFingerprint,
} from "../store/types.js";
import { manageUrl, newBookingRow } from "./booking-row.js";
import { toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { emailRows } from "./follow-up.js";
import { createdRecord, type IdempotentOutcome } from "./idempotency.js";
import { webhookRows } from "./webhook-events.js";

type SlotFacts = Pick<SlotRow, "id" | "widgetId" | "startsAt" | "endsAt">;

/**
 * What was last read, per store. A stale entry never makes a wrong row: `bookSeat` takes no seat when the slot's
 * times or the endpoints differ, and the entry is dropped. 10,000: far more open slots than a process books into.
 */
const MAX_ENTRIES = 10_000;
const remembered = new WeakMap<Store, { slots: Map<string, SlotFacts>; endpoints: Map<string, WebhookRow[]> }>();

function cacheOf(store: Store) {
  let cache = remembered.get(store);
  if (cache === undefined) {
    cache = { slots: new Map(), endpoints: new Map() };
    remembered.set(store, cache);
  }
  return cache;
}

async function lookUp<T>(map: Map<string, T>, key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  const known = map.get(key);
  if (known !== undefined) return known;
  const value = await read();
  if (value === undefined) return undefined;
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/**
 * Books `request` in one write and answers as `createBooking` would, or returns undefined when that write took no
 * seat or the request needs more (a 422, a key rotation, a key recorded before, an email that holds a seat): the
 * caller then books through `idempotent`, which decides those cases exactly.
 */
export async function bookInOneStep(
  deps: Deps,
  widget: Widget,
  request: ParsedBookingRequest,
  check: () => ParsedBookingRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentOutcome<BookingCreated> | undefined> {
  // During a key rotation an earlier seat of this email may carry an older key's index, which only the slow path reads.
  if (deps.keys.keys.length > 1) return undefined;
  let checked: ParsedBookingRequest;
  try {
    checked = check();
  } catch {
    // The slow path refuses it, after replaying an earlier answer to the key if there is one.
    return undefined;
  }
  const { store } = deps;
  const cache = cacheOf(store);
  const now = deps.now().toISOString();
  const slot = await lookUp(cache.slots, checked.slotId, async () => {
    const row = await store.getSlot(checked.slotId);
    return row && { id: row.id, widgetId: row.widgetId, startsAt: row.startsAt, endsAt: row.endsAt };
  });
  if (!slot || slot.widgetId !== widget.id || slot.startsAt <= now) return undefined;
  const endpoints = await lookUp(cache.endpoints, widget.id, () => store.activeWebhooksFor(widget.id));

  const { row, token, personal } = newBookingRow(deps, widget, slot.id, checked, now);
  const link = manageUrl(deps.publicUrl, row.id, token);
  const value: BookingCreated = { booking: toBooking(row, slot), manageToken: token, manageUrl: link };
  const event = { type: "booking.created", widget, booking: row, slot, personal, manageUrl: link } as const;
  try {
    const taken = await store.bookSeat({
      now,
      slot,
      webhooks: webhookFingerprint(endpoints ?? []),
      booking: row,
      outbox: [...emailRows(deps, event, 0, now), ...webhookRows(deps, event, endpoints ?? [])],
      ...(idempotencyKey === undefined
        ? {}
        : { idempotency: createdRecord(deps, { scope: widget.id, key: idempotencyKey, request }, value, now) }),
    });
    if (taken) return { value, replayed: false };
  } catch (error) {
    // The key's record is there (a retry, a race) or the email holds a seat: the slow path replays or refuses.
    if (!(error instanceof UniqueViolationError || error instanceof StoreConflictError)) throw error;
  }
  cache.slots.delete(slot.id);
  cache.endpoints.delete(widget.id);
  return undefined;
}
