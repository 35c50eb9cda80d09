/** @module Bookings: the request a visitor submits, and the booking as each reader may see it. */
import * as z from "zod/mini";
import {
  bookingIdSchema,
  instantSchema,
  localeSchema,
  slotIdSchema,
  text,
  timeZoneSchema,
  widgetIdSchema,
} from "./common.js";
import { phoneSchema } from "./phone.js";

// @__NO_SIDE_EFFECTS__
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/** The host page's `utm_*` parameters. */
export const utmSchema = z.object({
  source: optionalText(200),
  medium: optionalText(200),
  campaign: optionalText(200),
  term: optionalText(200),
  content: optionalText(200),
});

/** Where the visitor came from: the host page and its `utm_*` parameters. */
export const bookingContextSchema = z.object({
  pageUrl: optionalText(2000),
  referrer: optionalText(2000),
  utm: z.optional(utmSchema),
});
export type BookingContext = z.infer<typeof bookingContextSchema>;

/** zod's own email pattern, as a plain regex check: `z.email()` would pull a string-format class into the widget. */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address, trimmed and lower-cased before it is checked; 254 is the longest address SMTP allows. */
export const emailSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(254, "Enter a valid email address"),
    z.regex(EMAIL, "Enter a valid email address"),
  );

/** What a custom-field key may look like (`FormField.key`). */
const ANSWER_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** The longest text answer to a custom field. */
const MAX_ANSWER = 2000;

/**
 * One answer to a custom field: a checkbox's true or false, or text, trimmed, of at most 2000 characters. One check
 * on `z.unknown()` rather than `z.union([z.string()…, z.boolean()])`: the same values and messages, and the widget
 * bundles no union class (~0.2 kB gzipped, where the budget had ~0.1 kB left).
 */
const answerSchema = /* @__PURE__ */ z.unknown().check(
  z.check((payload) => {
    const { value } = payload;
    if (typeof value === "boolean") return;
    if (typeof value !== "string") {
      payload.issues.push({
        code: "invalid_type",
        expected: "string",
        input: value,
        message: "Use text or true/false",
      });
      return;
    }
    payload.value = value.trim();
    if ((payload.value as string).length > MAX_ANSWER)
      payload.issues.push({
        code: "too_big",
        origin: "string",
        maximum: MAX_ANSWER,
        inclusive: true,
        input: value,
        message: `At most ${MAX_ANSWER} characters`,
      });
  }),
) as unknown as z.ZodMiniType<string | boolean, string | boolean>;

/**
 * Answers to the widget's own fields by key. An object with a catchall and a key check rather than `z.record`: the
 * same answers and issues, and one zod class fewer in the widget bundle (~0.5 kB gzipped).
 */
const answersSchema = /* @__PURE__ */ z.catchall(z.object({}), answerSchema).check(
  z.check<Record<string, string | boolean>>((payload) => {
    for (const key of Object.keys(payload.value))
      if (!ANSWER_KEY.test(key))
        payload.issues.push({ code: "custom", input: key, path: [key], message: "Not a field key", continue: true });
  }),
);

/**
 * What the visitor types into the form, as part of every booking request: the fields whose errors the widget shows
 * under them. An empty `phone` counts as none.
 */
export const visitorFieldsSchema = /* @__PURE__ */ z.object({
  name: text(120, "Enter your name"),
  email: emailSchema,
  phone: z.optional(phoneSchema),
  answers: z.optional(answersSchema),
  consent: z.optional(z.boolean()),
});

/** Body of `POST /v1/widgets/{id}/bookings`: the visitor's fields, the slot, and what the widget adds about the page. */
export const bookingRequestSchema = /* @__PURE__ */ z.object({
  ...visitorFieldsSchema.shape,
  slotId: slotIdSchema,
  timezone: z.optional(timeZoneSchema),
  locale: z.optional(localeSchema),
  context: z.optional(bookingContextSchema),
  hp: z.optional(z.string().check(z.maxLength(500))),
});
/** What the widget or SDK sends. */
export type BookingRequest = z.input<typeof bookingRequestSchema>;
/** The request after trimming and normalisation, as the server handles it. */
export type ParsedBookingRequest = z.output<typeof bookingRequestSchema>;

/** Body of `POST /v1/bookings/{id}/reschedule`. */
export const rescheduleRequestSchema = z.object({ slotId: slotIdSchema });
export type RescheduleRequest = z.infer<typeof rescheduleRequestSchema>;

/** The slot a booking holds. */
export const bookedSlotSchema = z.object({ id: slotIdSchema, startsAt: instantSchema, endsAt: instantSchema });

/** Why a booking is cancelled: by its visitor, by the school on the visitor's behalf, or with its whole slot. */
export const cancelReasonSchema = /* @__PURE__ */ z.enum(["visitor", "admin", "slot_cancelled"]);
export type CancelReason = z.infer<typeof cancelReasonSchema>;

/** A booking as its owner (the holder of the manage token) may see it: no personal data. */
export const bookingSchema = z.object({
  id: bookingIdSchema,
  widgetId: widgetIdSchema,
  status: z.enum(["confirmed", "cancelled", "erased"]),
  slot: bookedSlotSchema,
  createdAt: instantSchema,
  cancelledAt: z.optional(instantSchema),
  /** Set with `cancelledAt`. */
  cancelReason: z.optional(cancelReasonSchema),
});
export type Booking = z.infer<typeof bookingSchema>;

/** Answer of a successful `POST /v1/widgets/{id}/bookings`; the token is shown only here. */
export const bookingCreatedSchema = z.object({
  booking: bookingSchema,
  manageToken: z.string(),
  manageUrl: z.string(),
});
export type BookingCreated = z.infer<typeof bookingCreatedSchema>;
