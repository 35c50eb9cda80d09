/** @module `createClient`: the typed client of the public routes, small enough to ship inside the widget. */
import {
  type Booking,
  type BookingCreated,
  type BookingRequest,
  bookingCreatedSchema,
  bookingSchema,
} from "../schemas/booking.js";
import { type Slot, slotListSchema } from "../schemas/slot.js";
import { type PublicWidget, publicWidgetSchema } from "../schemas/widget.js";
import { type CallOptions, createHttp } from "./http.js";
import { newIdempotencyKey } from "./idempotency-key.js";
import { type ClientOptions, normalizeOptions } from "./options.js";
import { bearer, segment } from "./path.js";

/** Options of `slots.list`: the window to list, 30 days from now by default. */
export interface SlotListOptions extends CallOptions {
  from?: string | Date | undefined;
  to?: string | Date | undefined;
}

/** Options of `bookings.create`. */
export interface CreateBookingOptions extends CallOptions {
  /** Sent as `Idempotency-Key` (≤ 255 characters); a random one is made when absent. Reuse it to resubmit safely. */
  idempotencyKey?: string | undefined;
}

/** Options of the calls that manage one booking with the token returned at creation. */
export interface ManageOptions extends CallOptions {
  /** The `manageToken` of `bookings.create`'s answer. */
  token: string;
}

/** The client of the public API, as `createClient` returns it. */
export interface SlotbookClient {
  widgets: {
    /** The public configuration of a widget. */
    get(widgetId: string, options?: CallOptions): Promise<PublicWidget>;
  };
  slots: {
    /** The widget's future slots in a window, sorted by start. */
    list(widgetId: string, options?: SlotListOptions): Promise<Slot[]>;
  };
  bookings: {
    /** Books a seat; retried safely under one `Idempotency-Key`. The `manageToken` is returned only here. */
    create(widgetId: string, request: BookingRequest, options?: CreateBookingOptions): Promise<BookingCreated>;
    /** The booking as its owner may see it. */
    get(bookingId: string, options: ManageOptions): Promise<Booking>;
    /** Cancels the booking and frees its seat. */
    cancel(bookingId: string, options: ManageOptions): Promise<Booking>;
    /** Moves the booking to another slot of the same widget, atomically. */
    reschedule(bookingId: string, change: { slotId: string }, options: ManageOptions): Promise<Booking>;
    /** The link of the booking's calendar file (`.ics`), with the token in its query for use in an `<a href>`. */
    inviteUrl(bookingId: string, options: { token: string }): string;
  };
}

const toIso = (value: string | Date | undefined) => (value instanceof Date ? value.toISOString() : value);

/**
 * A client of the public API, for browsers and servers alike.
 *
 * @example
 * const client = createClient({ baseUrl: "https://book.example.com" });
 * const slots = await client.slots.list("wgt_123");
 * const { booking, manageToken } = await client.bookings.create("wgt_123", {
 *   slotId: slots[0].id, name: "Ada Lovelace", email: "ada@example.com",
 * });
 */
export function createClient(options: ClientOptions): SlotbookClient {
  const http = createHttp(normalizeOptions(options));
  return {
    widgets: {
      get: async (widgetId, { signal } = {}) =>
        http.request(publicWidgetSchema, "GET", `widgets/${segment(widgetId)}`, { signal }),
    },
    slots: {
      list: async (widgetId, { from, to, signal } = {}) => {
        const searchParams = { from: toIso(from), to: toIso(to) };
        const path = `widgets/${segment(widgetId)}/slots`;
        return (await http.request(slotListSchema, "GET", path, { searchParams, signal })).slots;
      },
    },
    bookings: {
      create: async (widgetId, request, { idempotencyKey = newIdempotencyKey(), signal } = {}) => {
        // 255: the longest key the server stores.
        if (typeof idempotencyKey !== "string" || idempotencyKey.length === 0 || idempotencyKey.length > 255) {
          throw new TypeError("Slotbook: idempotencyKey must be a string of 1 to 255 characters");
        }
        // One key for the whole call: ky resends this same request, header included, on every retry.
        const headers = { "idempotency-key": idempotencyKey };
        const path = `widgets/${segment(widgetId)}/bookings`;
        return http.request(bookingCreatedSchema, "POST", path, { json: request, headers, signal });
      },
      get: async (bookingId, { token, signal }) =>
        http.request(bookingSchema, "GET", `bookings/${segment(bookingId)}`, { headers: bearer(token), signal }),
      cancel: async (bookingId, { token, signal }) =>
        http.request(bookingSchema, "POST", `bookings/${segment(bookingId)}/cancel`, {
          headers: bearer(token),
          signal,
        }),
      reschedule: async (bookingId, { slotId }, { token, signal }) =>
        http.request(bookingSchema, "POST", `bookings/${segment(bookingId)}/reschedule`, {
          json: { slotId },
          headers: bearer(token),
          signal,
        }),
      inviteUrl: (bookingId, { token }) => {
        bearer(token); // same check as the other calls
        return http.url(`bookings/${segment(bookingId)}/invite.ics`, { token });
      },
    },
  };
}
