/** @module Slots: the public list a visitor picks from, and the admin's create, list, update and delete. */
import type { output } from "zod/v4/core";
import type { AdminSlot, Slot, slotInputSchema, slotQuerySchema, slotUpdateSchema } from "../../sdk/index.js";
import { ApiError, validationFailed } from "../http/api-error.js";
import { newId } from "../ids.js";
import type { SlotRow, StoreOps } from "../store/types.js";
import type { Deps } from "./deps.js";
import { getWidget } from "./widgets.js";

/** 30 days: the spec's default window for the public slot list. */
const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;
/** 366 days: the longest window one public request may ask for. */
const MAX_WINDOW_MS = 366 * 24 * 3600 * 1000;

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

/** Future, active slots of a widget in a window (default: the next 30 days), sorted by start. */
export async function listPublicSlots(
  deps: Deps,
  widgetId: string,
  query: output<typeof slotQuerySchema>,
): Promise<Slot[]> {
  const now = deps.now().toISOString();
  const from = query.from && query.from > now ? query.from : now;
  const to = query.to ?? new Date(Date.parse(from) + DEFAULT_WINDOW_MS).toISOString();
  if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_MS) {
    throw new ApiError("bad_request", "Ask for at most 366 days of slots at once");
  }
  const rows = await deps.store.listSlots(widgetId, { from, to, status: "active" });
  return rows.map(toSlot);
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
  if (!row) throw new ApiError("not_found", `No slot ${slotId}`);
  return row;
}

/** Change a slot; capacity never drops below the seats already booked. */
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
    return toAdminSlot(row!);
  });
}

/** Delete a slot; one with bookings is cancelled instead, so no booking loses its slot. Undefined when deleted. */
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
    return toAdminSlot(row!);
  });
}
