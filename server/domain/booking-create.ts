/** @module Booking a seat: validation, capacity, encryption and idempotency, all in one transaction. */
import {
  type BookingCreated,
  checkBookingForWidget,
  type ErrorCode,
  type ParsedBookingRequest,
  type Widget,
} from "../../sdk/index.js";
import {
  blindIndex,
  blindIndexes,
  decrypt,
  encrypt,
  hashRequest,
  hashToken,
  newToken,
  requestMatches,
} from "../crypto/index.js";
import { ApiError, validationFailed } from "../http/api-error.js";
import { problemBody } from "../http/problem.js";
import { newId } from "../ids.js";
import { type BookingRow, type SlotRow, type StoreOps, UniqueViolationError } from "../store/types.js";
import { sealPersonalData, toBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";

/** 24 h: how long an Idempotency-Key answer is replayed (the spec's window). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** A status and JSON body; `replayed` when it is the stored answer of an earlier request with the same key. */
export interface Outcome {
  status: number;
  body: unknown;
  replayed: boolean;
}

const fail = (code: ErrorCode, detail: string): Outcome => ({
  status: 409,
  body: problemBody(code, detail),
  replayed: false,
});

const ALREADY_BOOKED = "This email already holds a seat in this slot";

/** The refusal of a second confirmed seat for one email in one slot. */
export function alreadyBooked(): ApiError {
  return new ApiError("already_booked", ALREADY_BOOKED);
}

/** The manage link put in confirmations and emails. */
export function manageUrl(deps: Deps, bookingId: string, token: string): string {
  return `${deps.publicUrl}/manage/${bookingId}?token=${encodeURIComponent(token)}`;
}

/**
 * Book a seat for a visitor (the request already passed `bookingRequestSchema`). Validation failures throw and
 * are never stored; every other answer is an Outcome, stored under the Idempotency-Key in the same transaction
 * as the booking. A repeated key is noticed by that record's unique key, not by a read beforehand: the hot
 * path stays at one conditional UPDATE and two INSERTs, and racing duplicates are decided by the database.
 */
export async function createBooking(
  deps: Deps,
  widget: Widget,
  request: ParsedBookingRequest,
  idempotencyKey?: string,
): Promise<Outcome> {
  const key: IdempotencyKey | undefined = idempotencyKey
    ? { value: idempotencyKey, request, aad: `idem:${widget.id}:${idempotencyKey}` }
    : undefined;
  try {
    return await bookOnce(deps, widget, request, key);
  } catch (err) {
    // An answer that depends on state which may have changed since the first request (the widget's form,
    // a slot) must not hide that request's stored answer, or the 422 for reusing its key with another body.
    const earlier = err instanceof ApiError && key && (await replay(deps, widget.id, key));
    if (earlier) return earlier;
    throw err;
  }
}

async function bookOnce(
  deps: Deps,
  widget: Widget,
  request: ParsedBookingRequest,
  key: IdempotencyKey | undefined,
): Promise<Outcome> {
  const issues = checkBookingForWidget(widget, request);
  if (issues.length > 0) throw validationFailed(issues);
  if (request.hp) return honeypotAnswer(deps, widget, request);
  const record = async (tx: StoreOps, outcome: Outcome) => {
    if (!key) return;
    await tx.insertIdempotency({
      widgetId: widget.id,
      key: key.value,
      requestHash: hashRequest(deps.keys, key.request),
      status: outcome.status,
      body: encrypt(deps.keys, JSON.stringify(outcome.body), key.aad),
      createdAt: deps.now().toISOString(),
    });
  };
  // Two tries: the second only after a record older than 24 h was purged out of the way.
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const outcome = await book(deps, tx, widget, request);
        await record(tx, outcome);
        return outcome;
      });
    } catch (err) {
      if (!(err instanceof UniqueViolationError)) throw err;
      // Another request with this key committed first: its answer is ours.
      const earlier = key && (await replay(deps, widget.id, key));
      if (earlier) return earlier;
      if (err.constraint === "booking_email") return recordAlreadyBooked(deps, widget.id, key, record);
      if (err.constraint !== "idempotency" || attempt > 0) throw err;
    }
  }
}

/** The seat was refused by the unique index after the transaction rolled back: store that answer on its own. */
async function recordAlreadyBooked(
  deps: Deps,
  widgetId: string,
  key: IdempotencyKey | undefined,
  record: (tx: StoreOps, outcome: Outcome) => Promise<void>,
): Promise<Outcome> {
  const outcome = fail("already_booked", ALREADY_BOOKED);
  try {
    await record(deps.store, outcome);
  } catch (err) {
    const winner = err instanceof UniqueViolationError && key && (await replay(deps, widgetId, key));
    if (winner) return winner;
    throw err;
  }
  return outcome;
}

async function book(deps: Deps, tx: StoreOps, widget: Widget, request: ParsedBookingRequest): Promise<Outcome> {
  const now = deps.now().toISOString();
  // With one key the unique index on (slot, email index) catches a second seat; during a key rotation an
  // older booking carries another index, so look for it under every key.
  if (
    deps.keys.keys.length > 1 &&
    (await tx.findConfirmedBooking(request.slotId, blindIndexes(deps.keys, request.email)))
  ) {
    return fail("already_booked", ALREADY_BOOKED);
  }
  const slot = await tx.takeSeat(request.slotId, now, { widgetId: widget.id, startsAfter: now });
  if (!slot) {
    const refusal = seatRefusal(await tx.getSlot(request.slotId), widget.id, now, request.slotId);
    return fail(refusal.code, refusal.detail);
  }

  const token = newToken();
  const { slotId, hp, ...personal } = request;
  const row: BookingRow = {
    id: newId("bkg"),
    widgetId: widget.id,
    slotId: slot.id,
    status: "confirmed",
    emailIndex: blindIndex(deps.keys, request.email),
    pii: "",
    tokenHash: hashToken(token),
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    erasedAt: null,
  };
  row.pii = sealPersonalData(deps.keys, row.id, personal);
  await tx.insertBooking(row);
  const body: BookingCreated = {
    booking: toBooking(row, slot),
    manageToken: token,
    manageUrl: manageUrl(deps, row.id, token),
  };
  return { status: 201, body, replayed: false };
}

/** Why `takeSeat` took no seat in `slot` (404 when it does not exist): the code and detail to answer with. */
export function seatRefusal(
  slot: SlotRow | undefined,
  widgetId: string,
  now: string,
  slotId: string,
): { code: "slot_unavailable" | "slot_full"; detail: string } {
  if (!slot) throw new ApiError("not_found", `No slot ${slotId}`);
  if (slot.widgetId !== widgetId) return { code: "slot_unavailable", detail: "This slot belongs to another widget" };
  if (slot.status !== "active" || slot.startsAt <= now) {
    return { code: "slot_unavailable", detail: "This slot can no longer be booked" };
  }
  return { code: "slot_full", detail: "Every seat in this slot is taken" };
}

/** An Idempotency-Key with the request it came with and the additional data of its stored answer. */
interface IdempotencyKey {
  value: string;
  request: ParsedBookingRequest;
  aad: string;
}

async function replay(deps: Deps, widgetId: string, key: IdempotencyKey): Promise<Outcome | undefined> {
  const row = await deps.store.getIdempotency(widgetId, key.value);
  if (!row) return undefined;
  const cutoff = new Date(deps.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  if (row.createdAt < cutoff) {
    await deps.store.purgeIdempotency(cutoff);
    return undefined;
  }
  if (!requestMatches(deps.keys, key.request, row.requestHash)) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used with a different body");
  }
  return { status: row.status, body: JSON.parse(decrypt(deps.keys, row.body, key.aad)), replayed: true };
}

/** A bot filled the hidden field: answer like a success, store nothing; refusals look like a real request's. */
async function honeypotAnswer(deps: Deps, widget: Widget, request: ParsedBookingRequest): Promise<Outcome> {
  const now = deps.now().toISOString();
  const slot = await deps.store.getSlot(request.slotId);
  const open =
    slot?.widgetId === widget.id && slot.status === "active" && slot.startsAt > now && slot.booked < slot.capacity;
  if (!slot || !open) {
    const refusal = seatRefusal(slot, widget.id, now, request.slotId);
    return fail(refusal.code, refusal.detail);
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
  return { status: 201, body: { booking, manageToken: token, manageUrl: manageUrl(deps, id, token) }, replayed: false };
}
