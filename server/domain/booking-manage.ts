/** @module What the holder of a manage token can do: read, cancel, reschedule, and get the calendar invite. */
import type { Booking, Widget } from "../../sdk/index.js";
import { tokenMatches } from "../crypto/index.js";
import { buildInvite } from "../ics/index.js";
import {
  type BookingRow,
  type SlotRow,
  StoreConflictError,
  type StoreOps,
  UniqueViolationError,
} from "../store/types.js";
import { alreadyBooked, holdsSeatUnderOlderKey, manageUrl, seatRefusal } from "./booking-create.js";
import { openPersonalData, toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { DomainError } from "./domain-error.js";
import { followUpParts, recordBookingEvent } from "./follow-up.js";
import { toWidget } from "./widgets.js";

/**
 * The booking a manage request names, with its widget whatever the widget's status: a paused widget still limits
 * which origins may manage its bookings. Read once per request; the handlers that only read reuse both.
 */
export async function findBookingAndWidget(
  deps: Deps,
  bookingId: string,
): Promise<{ booking: BookingRow | undefined; widget: Widget | undefined }> {
  const booking = await deps.store.getBooking(bookingId);
  const row = booking && (await deps.store.getWidget(booking.widgetId));
  return { booking, widget: row ? toWidget(row) : undefined };
}

/**
 * The booking and its slot if `token` is its manage token. `lock` reads the row again under a lock (writes);
 * otherwise a row the request already read (`loaded`) is used as it is.
 */
async function authorised(
  tx: StoreOps,
  bookingId: string,
  token: string | undefined,
  options: { lock?: boolean; loaded?: BookingRow | undefined } = {},
): Promise<{ row: BookingRow; slot: SlotRow; token: string }> {
  const row = options.lock ? await tx.lockBooking(bookingId) : (options.loaded ?? (await tx.getBooking(bookingId)));
  if (!row) throw new DomainError("not_found", `No booking ${bookingId}`);
  if (!token || !tokenMatches(token, row.tokenHash)) {
    throw new DomainError("unauthorized", "A valid manage token is required");
  }
  const slot = await tx.getSlot(row.slotId);
  if (!slot) throw new DomainError("not_found", `No booking ${bookingId}`);
  return { row, slot, token };
}

/** The booking, for its owner; `loaded` is its row when the request has read it already. */
export async function getOwnBooking(
  deps: Deps,
  bookingId: string,
  token: string | undefined,
  loaded?: BookingRow,
): Promise<Booking> {
  const { row, slot } = await authorised(deps.store, bookingId, token, { loaded });
  return toBooking(row, slot);
}

/** Cancel: the seat is free again. Cancelling twice answers the cancelled booking again. */
export async function cancelOwnBooking(deps: Deps, bookingId: string, token: string | undefined): Promise<Booking> {
  return deps.store.transaction(async (tx) => {
    // The row lock makes a racing reschedule or cancel wait for this one (or this one for it), so what was read
    // is what is written: a cancel never answers 200 for a booking a reschedule has just moved and kept confirmed.
    const { row, slot } = await authorised(tx, bookingId, token, { lock: true });
    if (row.status !== "confirmed") return toBooking(row, slot);
    const now = deps.now().toISOString();
    // Conditional as well, for engines without row locks: of two racing cancels only one matches.
    const updated = await tx.updateBooking(
      row.id,
      { status: "cancelled", cancelReason: "visitor", cancelledAt: now, updatedAt: now },
      { status: "confirmed", slotId: slot.id },
    );
    if (!updated) throw new StoreConflictError();
    await tx.releaseSeat(slot.id, now);
    // In the cancel's transaction: the CANCEL invite and the team's notice, and no more reminders.
    const parts = await followUpParts(tx, deps, updated);
    if (parts)
      await recordBookingEvent(tx, deps, {
        type: "booking.cancelled",
        ...parts,
        booking: updated,
        slot,
        by: "visitor",
      });
    return toBooking(updated, slot);
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
      const { row, slot, token: given } = await authorised(tx, bookingId, token, { lock: true });
      if (row.status !== "confirmed") throw new DomainError("slot_unavailable", `This booking is ${row.status}`);
      if (slotId === slot.id) return toBooking(row, slot);
      const now = deps.now().toISOString();
      // Both slots in one fixed order before either seat moves: two reschedules going opposite ways between the
      // same two slots would otherwise each lock one and wait for the other (a deadlock).
      await tx.lockSlots([slot.id, slotId]);
      if (await holdsSeatUnderOlderKey(deps, tx, slotId, () => openPersonalData(deps.keys, row)?.email)) {
        throw alreadyBooked();
      }
      const target = await tx.takeSeat(slotId, now, { widgetId: row.widgetId, startsAfter: now });
      if (!target) throw seatRefusal(await tx.getSlot(slotId), row.widgetId, now, slotId);
      // Conditional on what was read; if the booking changed meanwhile, throwing rolls the new seat back too.
      const updated = await tx.updateBooking(
        row.id,
        { slotId: target.id, updatedAt: now },
        { status: "confirmed", slotId: slot.id },
      );
      // Cannot happen under the row lock; on an engine without one, running the transaction again is the answer.
      if (!updated) throw new StoreConflictError();
      await tx.releaseSeat(slot.id, now);
      // The invite update (same UID, SEQUENCE + 1) and reminders for the new time, in the same transaction.
      const parts = await followUpParts(tx, deps, updated);
      if (parts) {
        const link = manageUrl(deps.publicUrl, row.id, given);
        await recordBookingEvent(tx, deps, {
          type: "booking.rescheduled",
          ...parts,
          booking: updated,
          slot: target,
          previousSlot: slot,
          manageUrl: link,
        });
      }
      return toBooking(updated, target);
    });
  } catch (err) {
    if (err instanceof UniqueViolationError) throw alreadyBooked();
    throw err;
  }
}

/**
 * The RFC 5545 invitation for the booked slot; a cancelled booking, or one whose slot is cancelled, gets a CANCEL
 * invite (cancelling a slot cancels its bookings too; the slot check covers data from before that).
 */
export async function ownBookingInvite(
  deps: Deps,
  bookingId: string,
  given: string | undefined,
  loaded?: { booking: BookingRow | undefined; widget: Widget | undefined },
): Promise<string> {
  const { row, slot, token } = await authorised(deps.store, bookingId, given, { loaded: loaded?.booking });
  const widget = loaded ? loaded.widget : await deps.store.getWidget(row.widgetId).then((w) => w && toWidget(w));
  const title = widget ? widget.title : "Booking";
  const cancelled = row.status !== "confirmed" || slot.status === "cancelled";
  return buildInvite({
    uid: `${row.id}@slotbook`,
    start: new Date(slot.startsAt),
    end: new Date(slot.endsAt),
    summary: title,
    description: `Manage or cancel: ${manageUrl(deps.publicUrl, row.id, token)}`,
    url: manageUrl(deps.publicUrl, row.id, token),
    method: cancelled ? "CANCEL" : "PUBLISH",
    now: deps.now(),
  });
}
