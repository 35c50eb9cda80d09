/** @module Slots: the public list a visitor picks from, and the admin's create, list, update and delete. */
import type { output } from "zod/v4/core";
import type { AdminSlot, Slot, SlotList, slotInputSchema, slotQuerySchema, slotUpdateSchema } from "../../sdk/index.js";
import { newId } from "../ids.js";
import type { SlotRow, StoreOps } from "../store/types.js";
import { openPersonalData } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { DomainError, validationFailed } from "./domain-error.js";
import { recordBookingEvent } from "./follow-up.js";
import { getWidget, toWidget } from "./widgets.js";

const DAY_MS = 24 * 3600 * 1000;
/** 30 days: the spec's default window for the public slot list. */
const DEFAULT_WINDOW_MS = 30 * DAY_MS;
/** 92 days (a quarter): the spec's longest window one public request may ask for. */
const MAX_WINDOW_DAYS = 92;
/**
 * 500 slots (~70 kB of JSON): the spec's most per public answer, so an anonymous request costs the same however many
 * slots a widget has; a widget shows a few weeks, and 500 is more than 15 a day for a month.
 */
export const MAX_PUBLIC_SLOTS = 500;

/** Row → public slot. */
export function toSlot(row: SlotRow): Slot {
  return {
    id: row.id,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    remaining: Math.max(0, row.capacity - row.booked),
    ...(row.label ? { label: row.label } : {}),
  };
}

/** Row → admin slot. */
export function toAdminSlot(row: SlotRow): AdminSlot {
  return {
    ...toSlot(row),
    widgetId: row.widgetId,
    booked: row.booked,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Future, active slots of a widget in a window (default: 30 days), sorted by start; at most 500, with `nextFrom`
 * when the window holds more.
 */
export async function listPublicSlots(
  deps: Deps,
  widgetId: string,
  query: output<typeof slotQuerySchema>,
): Promise<SlotList> {
  const now = deps.now().toISOString();
  const from = query.from && query.from > now ? query.from : now;
  const to = query.to ?? new Date(Date.parse(from) + DEFAULT_WINDOW_MS).toISOString();
  if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_DAYS * DAY_MS) {
    throw new DomainError(
      "bad_request",
      `Ask for at most ${MAX_WINDOW_DAYS} days of slots at once: bring "to" closer to "from", or page with "from"`,
    );
  }
  // One row more than an answer holds, to know whether there are more without counting them all.
  const rows = await deps.store.listSlots(widgetId, { from, to, status: "active", limit: MAX_PUBLIC_SLOTS + 1 });
  if (rows.length <= MAX_PUBLIC_SLOTS) return { slots: rows.map(toSlot) };
  return cutAtInstant(rows);
}

/**
 * 501 rows → an answer that ends before the start of the first slot left out, which becomes `nextFrom`: the next
 * page (`from` inclusive) then starts with every slot of that instant, so none is skipped or sent twice.
 */
function cutAtInstant(rows: SlotRow[]): SlotList {
  const nextFrom = rows[MAX_PUBLIC_SLOTS]!.startsAt;
  const page = rows.slice(0, MAX_PUBLIC_SLOTS).filter((row) => row.startsAt < nextFrom);
  if (page.length > 0) return { slots: page.map(toSlot), nextFrom };
  // Over 500 slots at one instant: that instant's first 500, and the next page starts a millisecond later.
  return {
    slots: rows.slice(0, MAX_PUBLIC_SLOTS).map(toSlot),
    nextFrom: new Date(Date.parse(nextFrom) + 1).toISOString(),
  };
}

/** Create slots for a widget. */
export async function createSlots(
  deps: Deps,
  widgetId: string,
  inputs: output<typeof slotInputSchema>[],
): Promise<AdminSlot[]> {
  await getWidget(deps, widgetId);
  const now = deps.now().toISOString();
  const rows: SlotRow[] = inputs.map((input) => ({
    id: newId("slot"),
    widgetId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    capacity: input.capacity,
    booked: 0,
    label: input.label ?? null,
    status: "active",
    createdAt: now,
    updatedAt: now,
  }));
  await deps.store.insertSlots(rows);
  return rows.map(toAdminSlot);
}

/** Every slot of a widget, past and cancelled included, for the admin. */
export async function listAdminSlots(deps: Deps, widgetId: string): Promise<AdminSlot[]> {
  await getWidget(deps, widgetId);
  return (await deps.store.listSlots(widgetId)).map(toAdminSlot);
}

/**
 * Locks the slot row for the rest of the transaction and returns it as it is now. A write (not a read) because
 * on PostgreSQL only a row lock makes a concurrent `takeSeat` wait and then re-check against our new state;
 * deciding from a plain read let a booking slip in between, and the write then broke the `booked <= capacity`
 * check or (delete) the booking's foreign key: a 500. SQLite has one writer, so the lock is free there.
 */
async function lockSlot(tx: StoreOps, slotId: string, now: string): Promise<SlotRow> {
  const row = await tx.updateSlot(slotId, { updatedAt: now });
  if (!row) throw new DomainError("not_found", `No slot ${slotId}`);
  return row;
}

/** Change a slot; capacity never drops below the seats already booked; cancelling it cancels its bookings. */
export async function updateSlot(
  deps: Deps,
  slotId: string,
  patch: output<typeof slotUpdateSchema>,
): Promise<AdminSlot> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const current = await lockSlot(tx, slotId, now);
    const startsAt = patch.startsAt ?? current.startsAt;
    const endsAt = patch.endsAt ?? current.endsAt;
    if (endsAt <= startsAt)
      throw validationFailed([{ path: ["endsAt"], code: "custom", message: "A slot must end after it starts" }]);
    if (patch.capacity !== undefined && patch.capacity < current.booked) {
      throw validationFailed([
        { path: ["capacity"], code: "too_small", message: `${current.booked} seats are already booked` },
      ]);
    }
    const row = await tx.updateSlot(slotId, {
      startsAt,
      endsAt,
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      updatedAt: now,
    });
    if (patch.status === "cancelled" && current.status !== "cancelled") {
      return toAdminSlot(await cancelBookingsOf(deps, tx, row!, now));
    }
    return toAdminSlot(row!);
  });
}

/**
 * Delete a slot; one with bookings is cancelled instead, so no booking loses its slot, and its confirmed bookings
 * are cancelled with it. Undefined when deleted.
 */
export async function deleteSlot(deps: Deps, slotId: string): Promise<AdminSlot | undefined> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    await lockSlot(tx, slotId, now);
    const hasBookings = (await tx.listBookings({ slotId, limit: 1 })).length > 0;
    if (!hasBookings) {
      await tx.deleteSlot(slotId);
      return undefined;
    }
    const row = await tx.updateSlot(slotId, { status: "cancelled", updatedAt: now });
    return toAdminSlot(await cancelBookingsOf(deps, tx, row!, now));
  });
}

/**
 * In the transaction that cancels `slot` (and holds its row lock): every confirmed booking in it becomes cancelled
 * with `slot_cancelled`, its seat freed, and its visitor and the team are told through the outbox. The slot after.
 */
async function cancelBookingsOf(deps: Deps, tx: StoreOps, slot: SlotRow, now: string): Promise<SlotRow> {
  const change = { cancelReason: "slot_cancelled", cancelledAt: now, updatedAt: now } as const;
  const bookings = await tx.cancelSlotBookings(slot.id, change);
  if (bookings.length === 0) return slot;
  const widgetRow = await tx.getWidget(slot.widgetId);
  const widget = widgetRow && toWidget(widgetRow);
  for (const booking of bookings) {
    const personal = openPersonalData(deps.keys, booking);
    if (widget && personal)
      await recordBookingEvent(tx, deps, { type: "slot.cancelled", widget, booking, slot, personal });
  }
  return (await tx.getSlot(slot.id))!;
}
