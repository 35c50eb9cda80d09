/** @module What the holder of a manage token can do: read, cancel, reschedule, and get the calendar invite. */
import type { Booking } from "../../sdk/index.js";
import { blindIndexes, tokenMatches } from "../crypto/index.js";
import { ApiError } from "../http/api-error.js";
import { buildInvite } from "../ics/index.js";
import { type BookingRow, type SlotRow, type StoreOps, UniqueViolationError } from "../store/types.js";
import { alreadyBooked, manageUrl, seatRefusal } from "./booking-create.js";
import { openPersonalData, toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { toWidget } from "./widgets.js";

async function authorised(
  tx: StoreOps,
  bookingId: string,
  token: string | undefined,
): Promise<{ row: BookingRow; slot: SlotRow; token: string }> {
  const row = await tx.getBooking(bookingId);
  if (!row) throw new ApiError("not_found", `No booking ${bookingId}`);
  if (!token || !tokenMatches(token, row.tokenHash)) {
    throw new ApiError("unauthorized", "A valid manage token is required", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  const slot = await tx.getSlot(row.slotId);
  if (!slot) throw new ApiError("not_found", `No booking ${bookingId}`);
  return { row, slot, token };
}

/** The booking, for its owner. */
export async function getOwnBooking(deps: Deps, bookingId: string, token: string | undefined): Promise<Booking> {
  const { row, slot } = await authorised(deps.store, bookingId, token);
  return toBooking(row, slot);
}

/** Cancel: the seat is free again. Cancelling twice answers the cancelled booking again. */
export async function cancelOwnBooking(deps: Deps, bookingId: string, token: string | undefined): Promise<Booking> {
  return deps.store.transaction(async (tx) => {
    const { row, slot } = await authorised(tx, bookingId, token);
    if (row.status !== "confirmed") return toBooking(row, slot);
    const now = deps.now().toISOString();
    // Conditional on what was read: of two racing cancels only one matches, so the seat is given back once.
    const updated = await tx.updateBooking(
      row.id,
      { status: "cancelled", cancelledAt: now, updatedAt: now },
      { status: "confirmed", slotId: slot.id },
    );
    if (!updated) return getOwnBookingIn(tx, bookingId);
    await tx.releaseSeat(slot.id, now);
    return toBooking(updated, slot);
  });
}

async function getOwnBookingIn(tx: StoreOps, bookingId: string): Promise<Booking> {
  const row = (await tx.getBooking(bookingId))!;
  return toBooking(row, (await tx.getSlot(row.slotId))!);
}

/** Move the booking to another slot of the same widget, atomically: the new seat is taken and the old one freed, or nothing changes. */
export async function rescheduleOwnBooking(
  deps: Deps,
  bookingId: string,
  token: string | undefined,
  slotId: string,
): Promise<Booking> {
  try {
    return await deps.store.transaction(async (tx) => {
      const { row, slot } = await authorised(tx, bookingId, token);
      if (row.status !== "confirmed") throw new ApiError("slot_unavailable", `This booking is ${row.status}`);
      if (slotId === slot.id) return toBooking(row, slot);
      const now = deps.now().toISOString();
      if (await holdsSeatUnderOlderKey(deps, tx, row, slotId)) throw alreadyBooked();
      const target = await tx.takeSeat(slotId, now, { widgetId: row.widgetId, startsAfter: now });
      if (!target) {
        const refusal = seatRefusal(await tx.getSlot(slotId), row.widgetId, now, slotId);
        throw new ApiError(refusal.code, refusal.detail);
      }
      // Conditional on what was read; if the booking changed meanwhile, throwing rolls the new seat back too.
      const updated = await tx.updateBooking(
        row.id,
        { slotId: target.id, updatedAt: now },
        { status: "confirmed", slotId: slot.id },
      );
      if (!updated) throw new ApiError("slot_unavailable", "This booking changed meanwhile; reload it");
      await tx.releaseSeat(slot.id, now);
      return toBooking(updated, target);
    });
  } catch (err) {
    if (err instanceof UniqueViolationError) throw alreadyBooked();
    throw err;
  }
}

/**
 * With one key the unique index on (slot, email index) refuses a second seat; during a key rotation another
 * booking of the same email may carry an older key's index, so look under every key.
 */
async function holdsSeatUnderOlderKey(deps: Deps, tx: StoreOps, row: BookingRow, slotId: string): Promise<boolean> {
  if (deps.keys.keys.length < 2) return false;
  const email = openPersonalData(deps.keys, row)?.email;
  return email !== undefined && (await tx.findConfirmedBooking(slotId, blindIndexes(deps.keys, email))) !== undefined;
}

/**
 * The RFC 5545 invitation for the booked slot; a cancelled booking, or a booking whose slot the school cancelled,
 * gets a CANCEL invite. The booking itself stays confirmed in that case, so the marketer can follow up.
 */
export async function ownBookingInvite(deps: Deps, bookingId: string, given: string | undefined): Promise<string> {
  const { row, slot, token } = await authorised(deps.store, bookingId, given);
  const widgetRow = await deps.store.getWidget(row.widgetId);
  const title = widgetRow ? toWidget(widgetRow).title : "Booking";
  const cancelled = row.status !== "confirmed" || slot.status === "cancelled";
  return buildInvite({
    uid: `${row.id}@slotbook`,
    start: new Date(slot.startsAt),
    end: new Date(slot.endsAt),
    summary: title,
    description: `Manage or cancel: ${manageUrl(deps, row.id, token)}`,
    url: manageUrl(deps, row.id, token),
    method: cancelled ? "CANCEL" : "PUBLISH",
    now: deps.now(),
  });
}
