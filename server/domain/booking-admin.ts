/** @module The admin's view of bookings: paged list with exact email lookup, one booking, cancel, GDPR erase, CSV export. */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { output } from "zod/v4/core";
import type { AdminBooking, BookingList, bookingListQuerySchema } from "../../sdk/index.js";
import type { bookingExportQuerySchema } from "../../sdk/schemas/booking-admin.js";
import { blindIndexes } from "../crypto/index.js";
import { csvRow } from "../csv/index.js";
import { type Attendance, type BookingQuery, type SlotRow, StoreConflictError, type StoreOps } from "../store/types.js";
import { openPersonalData, toAdminBooking } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { DomainError } from "./domain-error.js";
import { followUpParts, recordBookingEvent } from "./follow-up.js";
import { decodeCursor, encodeCursor } from "./keyset-cursor.js";

/** Looks slots up once per page instead of once per booking. */
function slotLookup(store: StoreOps) {
  const cache = new Map<string, Promise<SlotRow | undefined>>();
  return async (id: string) => {
    let slot = cache.get(id);
    if (!slot) {
      slot = store.getSlot(id);
      cache.set(id, slot);
    }
    return (await slot) ?? { id, startsAt: "", endsAt: "" };
  };
}

/** The store's filter for the list's and the export's query; `email` through its blind indexes. */
function bookingFilter(
  deps: Deps,
  query: output<typeof bookingExportQuerySchema>,
): Omit<BookingQuery, "after" | "limit"> {
  return {
    widgetId: query.widgetId,
    slotId: query.slotId,
    status: query.status,
    emailIndexes: query.email ? blindIndexes(deps.keys, query.email) : undefined,
    createdFrom: query.from,
    createdTo: query.to,
  };
}

/** One page of bookings, newest first; `email` matches exactly through the blind index. */
export async function listBookings(deps: Deps, query: output<typeof bookingListQuerySchema>): Promise<BookingList> {
  const rows = await deps.store.listBookings({
    ...bookingFilter(deps, query),
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const slotOf = slotLookup(deps.store);
  const data = await Promise.all(page.map(async (row) => toAdminBooking(deps.keys, row, await slotOf(row.slotId))));
  return { data, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** One booking with its personal data. */
export async function getAdminBooking(deps: Deps, id: string): Promise<AdminBooking> {
  const row = await deps.store.getBooking(id);
  if (!row) throw new DomainError("not_found", `No booking ${id}`);
  return toAdminBooking(deps.keys, row, await slotLookup(deps.store)(row.slotId));
}

/** Erase a booking's personal data for good (its outbox copies too) and free its seat; the booking stays as `erased`. */
export async function eraseBooking(deps: Deps, id: string): Promise<AdminBooking> {
  return deps.store.transaction(async (tx) => {
    const now = deps.now().toISOString();
    // Conditional on the status read, so a racing cancel or erase cannot make the seat count twice;
    // three reads are enough, as each lost race means the row reached a later status.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await tx.getBooking(id);
      if (!row) throw new DomainError("not_found", `No booking ${id}`);
      const slot = await slotLookup(tx)(row.slotId);
      if (row.status === "erased") return toAdminBooking(deps.keys, row, slot);
      const erased = await tx.updateBooking(
        id,
        { status: "erased", pii: null, emailIndex: null, erasedAt: now, updatedAt: now },
        { status: row.status, slotId: row.slotId },
      );
      if (!erased) continue;
      if (row.status === "confirmed") await tx.releaseSeat(row.slotId, now);
      // No more reminders or pending messages with the visitor's data, and the sealed copies of sent ones forgotten.
      await recordBookingEvent(tx, deps, { type: "booking.erased", booking: erased, slot });
      return toAdminBooking(deps.keys, erased, slot);
    }
    throw new DomainError("unavailable", "The booking kept changing; try again", { retryAfter: 1 });
  });
}

/**
 * Cancel a booking on its visitor's behalf (`cancelReason: "admin"`): the seat is free again and, unless `notify` is
 * false, the visitor is told; the team always is. A booking already cancelled or erased is answered as it is, so
 * cancelling twice is safe (an erased booking has no seat and no visitor left to tell).
 */
export async function cancelBookingAsAdmin(
  deps: Deps,
  id: string,
  { notify = true }: { notify?: boolean | undefined } = {},
): Promise<AdminBooking> {
  return deps.store.transaction(async (tx) => {
    // The row lock makes a racing visitor cancel, reschedule or erase wait, so what was read is what is written.
    const row = await tx.lockBooking(id);
    if (!row) throw new DomainError("not_found", `No booking ${id}`);
    const slot = await tx.getSlot(row.slotId);
    if (!slot) throw new DomainError("not_found", `No booking ${id}`);
    if (row.status !== "confirmed") return toAdminBooking(deps.keys, row, slot);
    const now = deps.now().toISOString();
    const updated = await tx.updateBooking(
      id,
      { status: "cancelled", cancelReason: "admin", cancelledAt: now, updatedAt: now },
      { status: "confirmed", slotId: row.slotId },
    );
    // Only on an engine without row locks; running the transaction again reads the winner's result.
    if (!updated) throw new StoreConflictError();
    await tx.releaseSeat(row.slotId, now);
    const parts = await followUpParts(tx, deps, updated);
    if (parts) {
      const event = { type: "booking.cancelled", ...parts, booking: updated, slot, by: "marketer" } as const;
      await recordBookingEvent(tx, deps, { ...event, notifyVisitor: notify });
    }
    return toAdminBooking(deps.keys, updated, slot);
  });
}

/**
 * Marks whether the visitor came (`null` clears it). Only a booking whose class has started can be marked, and not an
 * erased one (there is nobody left to follow up); cancelled bookings can be, should someone come anyway.
 */
export async function setAttendance(deps: Deps, id: string, attendance: Attendance | null): Promise<AdminBooking> {
  const row = await deps.store.getBooking(id);
  if (!row) throw new DomainError("not_found", `No booking ${id}`);
  const slot = await slotLookup(deps.store)(row.slotId);
  if (row.status === "erased") {
    throw new DomainError("validation_failed", "This booking was erased; its attendance cannot be set", {
      issues: [{ path: ["attendance"], code: "custom", message: "The booking was erased" }],
    });
  }
  if (attendance !== null && slot.startsAt > deps.now().toISOString()) {
    throw new DomainError("validation_failed", "The class has not started yet", {
      issues: [{ path: ["attendance"], code: "custom", message: "Mark attendance once the class has started" }],
    });
  }
  const updated = await deps.store.updateBooking(id, { attendance, updatedAt: deps.now().toISOString() });
  if (!updated) throw new DomainError("not_found", `No booking ${id}`);
  return toAdminBooking(deps.keys, updated, slot);
}

const CSV_COLUMNS = [
  "id",
  "widget_id",
  "status",
  "slot_id",
  "slot_starts_at",
  "slot_ends_at",
  "created_at",
  "cancelled_at",
  "cancel_reason",
  "name",
  "email",
  "phone",
  "consent",
  "timezone",
  "locale",
  "answers",
  "page_url",
  "referrer",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "attendance",
];

/** 500 rows a page: keeps memory flat however many bookings a widget has. */
const EXPORT_PAGE = 500;

/** Every booking that matches the filter (none: all) as CSV lines, produced as they are read. */
export async function* exportBookingsCsv(
  deps: Deps,
  query: output<typeof bookingExportQuerySchema>,
): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS);
  const slotOf = slotLookup(deps.store);
  let rows = 0;
  for await (const row of deps.store.streamBookings(bookingFilter(deps, query), EXPORT_PAGE)) {
    // SQLite answers synchronously and decrypting is CPU, so without a turn of the event loop between pages the
    // whole export runs as one task and every other request waits for it (50k bookings: 0.8–1.9 s).
    if (++rows % EXPORT_PAGE === 0) await nextTurn();
    const slot = await slotOf(row.slotId);
    const p = openPersonalData(deps.keys, row);
    const utm = p?.context?.utm;
    yield csvRow([
      row.id,
      row.widgetId,
      row.status,
      row.slotId,
      slot.startsAt,
      slot.endsAt,
      row.createdAt,
      row.cancelledAt,
      row.cancelReason,
      p?.name,
      p?.email,
      p?.phone,
      p?.consent,
      p?.timezone,
      p?.locale,
      p?.answers ? JSON.stringify(p.answers) : "",
      p?.context?.pageUrl,
      p?.context?.referrer,
      utm?.source,
      utm?.medium,
      utm?.campaign,
      utm?.term,
      utm?.content,
      row.attendance,
    ]);
  }
}
