/** @module Booking a seat: validation, capacity and encryption, in one transaction that `idempotent()` records. */
import type { BookingCreated, ParsedBookingRequest, Widget } from "../../sdk/index.js";
import { checkBookingForWidget } from "../../sdk/schemas/booking-rules.js";
import { blindIndexes, newToken } from "../crypto/index.js";
import { newId } from "../ids.js";
import { phoneIssue, toE164 } from "../phone/index.js";
import { type SlotRow, type StoreOps, UniqueViolationError } from "../store/types.js";
import { bookInOneStep } from "./booking-one-step.js";
import { manageUrl, newBookingRow } from "./booking-row.js";
import { toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { DomainError, validationFailed } from "./domain-error.js";
import { recordBookingEvent } from "./follow-up.js";
import { type IdempotentOutcome, idempotent } from "./idempotency.js";

export { manageUrl };

const ALREADY_BOOKED = "This email already holds a seat in this slot";

/** The refusal of a second confirmed seat for one email in one slot. */
export function alreadyBooked(): DomainError {
  return new DomainError("already_booked", ALREADY_BOOKED);
}

/**
 * With one key the unique index on (slot, email index) refuses a second seat for an email; during a key rotation
 * another booking of the same email may carry an older key's index, so then look under every key. `email` is only
 * asked for then (opening a booking's sealed data costs a decryption).
 */
export async function holdsSeatUnderOlderKey(
  deps: Deps,
  tx: StoreOps,
  slotId: string,
  email: () => string | undefined,
): Promise<boolean> {
  if (deps.keys.keys.length < 2) return false;
  const address = email();
  return (
    address !== undefined && (await tx.findConfirmedBooking(slotId, blindIndexes(deps.keys, address))) !== undefined
  );
}

/**
 * Book a seat for a visitor (the request already passed `bookingRequestSchema`). Validation failures throw and
 * are never stored; the booking or its refusal (full, unavailable, already booked) is the outcome, recorded under
 * the Idempotency-Key in the booking's own transaction (see `idempotent`).
 */
export async function createBooking(
  deps: Deps,
  widget: Widget,
  request: ParsedBookingRequest,
  idempotencyKey?: string,
): Promise<IdempotentOutcome<BookingCreated>> {
  // The request as booked: the phone in E.164, a national number read in the widget's country.
  const check = (): ParsedBookingRequest => {
    const phone = request.phone && toE164(request.phone, widget.phoneCountry);
    const issues = [
      ...(request.phone && !phone ? [phoneIssue(widget.phoneCountry)] : []),
      ...checkBookingForWidget(widget, request),
    ];
    if (issues.length > 0) throw validationFailed(issues);
    return { ...request, phone };
  };
  if (request.hp) {
    check();
    return honeypotAnswer(deps, widget, request);
  }
  // The usual booking in one write; anything out of the ordinary (a refusal, a key seen before, a 422, a key
  // rotation) goes the way below, which decides it exactly.
  const quick = await bookInOneStep(deps, widget, request, check, idempotencyKey);
  if (quick) return quick;
  // The check runs inside, so a key whose first request passed it replays that answer even after the widget's
  // form (or phone country) changed; a refusal is never recorded for a 422.
  return idempotent(deps, { scope: widget.id, key: idempotencyKey, request }, (tx) => book(deps, tx, widget, check()));
}

/** The seat logic: take a seat, seal the visitor's data, insert the booking and its follow-up; a refusal throws. */
async function book(deps: Deps, tx: StoreOps, widget: Widget, request: ParsedBookingRequest): Promise<BookingCreated> {
  const now = deps.now().toISOString();
  if (await holdsSeatUnderOlderKey(deps, tx, request.slotId, () => request.email)) throw alreadyBooked();
  const slot = await tx.takeSeat(request.slotId, now, { widgetId: widget.id, startsAfter: now });
  if (!slot) throw seatRefusal(await tx.getSlot(request.slotId), widget.id, now, request.slotId);

  const { row, token, personal } = newBookingRow(deps, widget, slot.id, request, now);
  try {
    await tx.insertBooking(row);
  } catch (error) {
    // The partial unique index on (slot, email index): this email holds a seat here already.
    if (error instanceof UniqueViolationError && error.constraint === "booking_email") throw alreadyBooked();
    throw error;
  }
  const link = manageUrl(deps.publicUrl, row.id, token);
  // In the booking's transaction: the confirmation, the team's notice and the reminders land with the booking.
  await recordBookingEvent(tx, deps, {
    type: "booking.created",
    widget,
    booking: row,
    slot,
    personal,
    manageUrl: link,
  });
  return { booking: toBooking(row, slot), manageToken: token, manageUrl: link };
}

/** Why `takeSeat` took no seat in `slot`: the refusal to answer with (`not_found` when it does not exist). */
export function seatRefusal(slot: SlotRow | undefined, widgetId: string, now: string, slotId: string): DomainError {
  if (!slot) return new DomainError("not_found", `No slot ${slotId}`);
  if (slot.widgetId !== widgetId) return new DomainError("slot_unavailable", "This slot belongs to another widget");
  if (slot.status !== "active" || slot.startsAt <= now) {
    return new DomainError("slot_unavailable", "This slot can no longer be booked");
  }
  return new DomainError("slot_full", "Every seat in this slot is taken");
}

/** A bot filled the hidden field: answer like a success, store nothing; refusals look like a real request's. */
async function honeypotAnswer(
  deps: Deps,
  widget: Widget,
  request: ParsedBookingRequest,
): Promise<IdempotentOutcome<BookingCreated>> {
  const now = deps.now().toISOString();
  const slot = await deps.store.getSlot(request.slotId);
  const open =
    slot?.widgetId === widget.id && slot.status === "active" && slot.startsAt > now && slot.booked < slot.capacity;
  if (!slot || !open) {
    const refusal = seatRefusal(slot, widget.id, now, request.slotId);
    if (refusal.code === "not_found") throw refusal;
    return { error: refusal, replayed: false };
  }
  const id = newId("bkg");
  const token = newToken();
  const booking = {
    id,
    widgetId: widget.id,
    status: "confirmed" as const,
    slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
    createdAt: now,
  };
  return { value: { booking, manageToken: token, manageUrl: manageUrl(deps.publicUrl, id, token) }, replayed: false };
}
