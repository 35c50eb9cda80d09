/** @module What the holder of a manage token can do: read, cancel, reschedule, and get the calendar invite. */
import type { Booking } from "../../sdk/index.js";
import { tokenMatches } from "../crypto/index.js";
import { ApiError } from "../http/api-error.js";
import { buildInvite } from "../ics/index.js";
import { type BookingRow, type SlotRow, type StoreOps, UniqueViolationError } from "../store/types.js";
import { manageUrl, seatRefusal } from "./booking-create.js";
import { toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { toWidget } from "./widgets.js";

async function authorised(
  tx: StoreOps,
  bookingId: string,
  token: string | undefined,
): Promise<{ row: BookingRow; slot: SlotRow }> {
  const row = await tx.getBooking(bookingId);
  if (!row) throw new ApiError("not_found", `No booking ${bookingId}`);
  if (!token || !tokenMatches(token, row.tokenHash)) {
    throw new ApiError("unauthorized", "A valid manage token is required", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  const slot = await tx.getSlot(row.slotId);
  if (!slot) throw new ApiError("not_found", `No booking ${bookingId}`);
  return { row, slot };
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
    const updated = await tx.updateBooking(row.id, { status: "cancelled", cancelledAt: now, updatedAt: now });
    await tx.releaseSeat(slot.id, now);
    return toBooking(updated!, slot);
  });
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
      if (row.emailIndex && (await tx.findConfirmedBooking(slotId, [row.emailIndex]))) {
        throw new ApiError("already_booked", "This email already holds a seat in that slot");
      }
      const target = await tx.takeSeat(slotId, now, { widgetId: row.widgetId, startsAfter: now });
      if (!target) {
        const refusal = seatRefusal(await tx.getSlot(slotId), row.widgetId, now, slotId);
        throw new ApiError(refusal.code, refusal.detail);
      }
      await tx.releaseSeat(slot.id, now);
      const updated = await tx.updateBooking(row.id, { slotId: target.id, updatedAt: now });
      return toBooking(updated!, target);
    });
  } catch (err) {
    if (err instanceof UniqueViolationError)
      throw new ApiError("already_booked", "This email already holds a seat in that slot");
    throw err;
  }
}

/** The RFC 5545 invitation for the booked slot; a cancelled booking gets a CANCEL invite. */
export async function ownBookingInvite(deps: Deps, bookingId: string, token: string): Promise<string> {
  const { row, slot } = await authorised(deps.store, bookingId, token);
  const widgetRow = await deps.store.getWidget(row.widgetId);
  const title = widgetRow ? toWidget(widgetRow).title : "Booking";
  const cancelled = row.status !== "confirmed";
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
