/** @module `createClient`: the typed client of the public routes, every answer checked against the contract. */
import {
  type Booking,
  type BookingCreated,
  type BookingRequest,
  bookingCreatedSchema,
  bookingSchema,
} from "../schemas/booking.js";
import type { FunnelEvent } from "../schemas/console.js";
import { problemSchema } from "../schemas/problem.js";
import { type Slot, slotListSchema } from "../schemas/slot.js";
import { type PublicWidget, publicWidgetSchema, type WidgetStart, widgetStartSchema } from "../schemas/widget.js";
import { type CallOptions, createHttp } from "./http.js";
import { kyTransport } from "./ky-transport.js";
import { type ClientOptions, normalizeOptions } from "./options.js";
import { publicRoutes } from "./public-routes.js";
import { listAllSlots } from "./slot-pages.js";

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
    /**
     * Reports a step of the widget's funnel (`view`, `slot_selected`, `form_started`) for the console's insight: with
     * `navigator.sendBeacon` where there is one (it outlives the page), else one POST. Fire and forget: never throws,
     * never retries. Carries no personal data; the server keeps daily counters only.
     */
    track(widgetId: string, event: FunnelEvent): void;
    /**
     * The widget's public config and its first slots (up to 500, `nextFrom` when there are more) in one request:
     * what a widget needs to show its first times.
     */
    start(widgetId: string, options?: CallOptions): Promise<WidgetStart>;
  };
  slots: {
    /**
     * The widget's future slots in a window (30 days by default, at most 92), sorted by start: all of them, asked
     * for 500 at a time.
     */
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

/** The schemas the public routes' answers are parsed with. */
export const PUBLIC_CONTRACT = {
  widget: publicWidgetSchema,
  slotList: slotListSchema,
  start: widgetStartSchema,
  bookingCreated: bookingCreatedSchema,
  booking: bookingSchema,
};

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
  const normalized = normalizeOptions(options);
  const http = createHttp(normalized, kyTransport(normalized), problemSchema);
  return { ...publicRoutes(http, PUBLIC_CONTRACT), slots: { list: (widgetId, o) => listAllSlots(http, widgetId, o) } };
}
