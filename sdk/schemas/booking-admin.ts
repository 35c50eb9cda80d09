/** @module Bookings as the admin API lists them, with personal data; kept apart so the embed never bundles them. */
import * as z from "zod/mini";
import { bookingContextSchema, bookingSchema, emailSchema } from "./booking.js";
import { instantInputSchema, instantSchema, slotIdSchema, widgetIdSchema } from "./common.js";

/** A booking as the admin API returns it: decrypted personal data, none once erased. */
export const adminBookingSchema = z.extend(bookingSchema, {
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  answers: z.optional(z.record(z.string(), z.union([z.string(), z.boolean()]))),
  consent: z.optional(z.boolean()),
  /** The consent text the visitor agreed to, as the widget showed it at booking time. */
  consentText: z.optional(z.string()),
  timezone: z.optional(z.string()),
  locale: z.optional(z.string()),
  context: z.optional(bookingContextSchema),
  updatedAt: instantSchema,
  erasedAt: z.optional(instantSchema),
  /** Whether the visitor came, once the team marked it. */
  attendance: z.optional(z.enum(["attended", "no_show"])),
});
export type AdminBooking = z.infer<typeof adminBookingSchema>;

/** Query of `GET /v1/admin/bookings`; 200 a page keeps one answer well under a megabyte. */
export const bookingListQuerySchema = z.object({
  widgetId: z.optional(widgetIdSchema),
  slotId: z.optional(slotIdSchema),
  status: z.optional(z.enum(["confirmed", "cancelled", "erased"])),
  email: z.optional(emailSchema),
  /** Booked on or after this instant. */
  from: z.optional(instantInputSchema),
  /** Booked before this instant. */
  to: z.optional(instantInputSchema),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(
    z.pipe(
      z.union([z.number(), z.string().check(z.regex(/^\d+$/, "Use a whole number"))]),
      z.pipe(
        z.transform((v: number | string) => Number(v)),
        z.int().check(z.minimum(1), z.maximum(200)),
      ),
    ),
    50,
  ),
});
export type BookingListQuery = z.input<typeof bookingListQuerySchema>;

/** Query of `GET /v1/admin/bookings/export.csv`: the list's filters without paging (none: every booking). */
export const bookingExportQuerySchema = z.omit(bookingListQuerySchema, { cursor: true, limit: true });
export type BookingExportQuery = z.input<typeof bookingExportQuerySchema>;

/** Body of `POST /v1/admin/bookings/{id}/cancel` (optional): `notify: false` cancels without telling the visitor. */
export const adminCancelSchema = z.object({ notify: z.optional(z.boolean()) });
export type AdminCancel = z.input<typeof adminCancelSchema>;

/** Body of `PATCH /v1/admin/bookings/{id}`: after the class, whether the visitor came (`null` clears it). */
export const adminBookingUpdateSchema = z.object({ attendance: z.nullable(z.enum(["attended", "no_show"])) });
export type AdminBookingUpdate = z.input<typeof adminBookingUpdateSchema>;

/** One page of bookings. */
export const bookingListSchema = z.object({ data: z.array(adminBookingSchema), nextCursor: z.nullable(z.string()) });
export type BookingList = z.infer<typeof bookingListSchema>;
