/**
 * @module Webhooks as the admin API takes and answers them (endpoints, secrets, deliveries), the events a receiver
 * is sent, and what a booking's follow-up (its emails and deliveries) looks like to the admin.
 */
import * as z from "zod/mini";
import { bookingContextSchema, cancelReasonSchema } from "./booking.js";
import { bookingIdSchema, instantSchema, slotIdSchema, text, widgetIdSchema } from "./common.js";

/** Id of a webhook endpoint, e.g. `whk_4Jq…`. */
export const webhookIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^whk_[A-Za-z0-9_-]{1,64}$/, "Not a webhook id"));

/** The events a webhook can be sent; `webhook.test` only by `POST /v1/admin/webhooks/{id}/test`. */
export const WEBHOOK_EVENT_TYPES = [
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.erased",
  "slot.cancelled",
  "webhook.test",
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** What an endpoint subscribes to: some booking events, or `"*"` for every one. */
const subscriptionSchema = z
  .array(
    z.enum(["*", "booking.created", "booking.rescheduled", "booking.cancelled", "booking.erased", "slot.cancelled"]),
  )
  .check(
    z.minLength(1, "Name at least one event, or * for all"),
    z.maxLength(10),
    z.refine((events) => new Set(events).size === events.length, "Each event once"),
  );

/**
 * Where deliveries go: an absolute `https:` URL without credentials (plain `http:` is accepted here and refused by the
 * server unless `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`); 2,000 characters at most.
 */
export const webhookUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(2000, "At most 2000 characters"),
  z.refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.hostname !== "" && !url.username && !url.password;
  }, "Use an https:// URL without a user name or password"),
);

/** Body of `POST /v1/admin/webhooks`. */
export const webhookCreateSchema = z.object({
  url: webhookUrlSchema,
  events: subscriptionSchema,
  /** Only this widget's events; all widgets' when left out. */
  widgetId: z.optional(widgetIdSchema),
  /** Send the attendee's name, email, phone, answers, consent and the booking's context; default false (thin). */
  includePersonalData: z.optional(z.boolean()),
  description: z.optional(text(200)),
});
export type WebhookCreate = z.input<typeof webhookCreateSchema>;

/** Body of `PATCH /v1/admin/webhooks/{id}`: any subset; `null` clears `widgetId` or `description`; `status` re-enables. */
export const webhookUpdateSchema = z.object({
  url: z.optional(webhookUrlSchema),
  events: z.optional(subscriptionSchema),
  widgetId: z.optional(z.nullable(widgetIdSchema)),
  includePersonalData: z.optional(z.boolean()),
  description: z.optional(z.nullable(text(200))),
  status: z.optional(z.enum(["active", "disabled"])),
});
export type WebhookUpdate = z.input<typeof webhookUpdateSchema>;

/** An endpoint as listed: never its secret. `disabledReason` says why one is disabled (a 410, or the admin). */
export const webhookSchema = z.object({
  id: webhookIdSchema,
  url: z.string(),
  events: z.array(z.string()),
  widgetId: z.nullable(widgetIdSchema),
  includePersonalData: z.boolean(),
  description: z.nullable(z.string()),
  status: z.enum(["active", "disabled"]),
  disabledReason: z.nullable(z.string()),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Webhook = z.infer<typeof webhookSchema>;

/** A signing secret, `whsec_` and base64 of 32 random bytes (the Standard Webhooks format). */
export const webhookSecretSchema = z
  .string()
  .check(z.regex(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/, "Not a webhook secret"));

/** The answer to `POST /v1/admin/webhooks`: the endpoint with its `secret`, shown here and on rotation only. */
export const webhookCreatedSchema = z.extend(webhookSchema, { secret: webhookSecretSchema });
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

/** The answer to `POST /v1/admin/webhooks/{id}/rotate-secret`; the old secret keeps signing for 24 h. */
export const webhookRotatedSchema = z.object({ secret: webhookSecretSchema, previousSecretExpiresAt: instantSchema });
export type WebhookRotated = z.infer<typeof webhookRotatedSchema>;

/** `GET /v1/admin/webhooks`, oldest first. */
export const webhookListSchema = z.object({ data: z.array(webhookSchema) });
export type WebhookList = z.infer<typeof webhookListSchema>;

/** One delivery of one event to one endpoint; `eventId` is the `webhook-id` header, the same on every retry. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  type: webhookEventTypeSchema,
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  /** The HTTP status of the last attempt, when the receiver answered. */
  lastStatus: z.optional(z.number()),
  lastError: z.optional(z.string()),
  /** When a pending delivery is tried (again). */
  nextAttemptAt: z.optional(instantSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** One page of an endpoint's deliveries, newest first. */
export const webhookDeliveryListSchema = z.object({
  data: z.array(webhookDeliverySchema),
  nextCursor: z.nullable(z.string()),
});
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;

/** Query of `GET /v1/admin/webhooks/{id}/deliveries`. */
export const webhookDeliveryQuerySchema = z.object({ cursor: z.optional(z.string().check(z.maxLength(200))) });

/** The booking as an event carries it: ids, times and state, never personal data. */
export const webhookBookingSchema = z.object({
  id: bookingIdSchema,
  widgetId: widgetIdSchema,
  status: z.enum(["confirmed", "cancelled", "erased"]),
  slot: z.object({ id: slotIdSchema, startsAt: instantSchema, endsAt: instantSchema }),
  createdAt: instantSchema,
  cancelledAt: z.optional(instantSchema),
  cancelReason: z.optional(cancelReasonSchema),
  /** The page and UTM parameters it was booked from; only for endpoints with `includePersonalData`. */
  context: z.optional(bookingContextSchema),
});

/** Who booked; only for endpoints with `includePersonalData`, and never after an erase. */
export const webhookAttendeeSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.optional(z.string()),
  answers: z.optional(z.record(z.string(), z.union([z.string(), z.boolean()]))),
  consent: z.optional(z.boolean()),
});

/** An event as a receiver gets it (the body `verifyWebhook` parses); `timestamp` is when it happened. */
export const webhookEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.enum(["booking.created", "booking.rescheduled", "booking.cancelled", "booking.erased", "slot.cancelled"]),
    timestamp: instantSchema,
    data: z.object({ booking: webhookBookingSchema, attendee: z.optional(webhookAttendeeSchema) }),
  }),
  z.object({
    type: z.literal("webhook.test"),
    timestamp: instantSchema,
    data: z.object({ webhookId: webhookIdSchema }),
  }),
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/**
 * One email or webhook delivery a booking caused (`GET /v1/admin/bookings/{id}/messages`): `audience` for an email
 * (the visitor, or the team in `notifyEmails`), `webhookId` for a delivery. `dropped`: it was due but its booking was
 * cancelled, rescheduled or erased first (a reminder), so it never went.
 */
export const bookingMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(["email", "webhook"]),
  type: z.enum([...WEBHOOK_EVENT_TYPES, "reminder"]),
  audience: z.optional(z.enum(["visitor", "team"])),
  webhookId: z.optional(webhookIdSchema),
  status: z.enum(["pending", "delivered", "failed", "dropped"]),
  attempts: z.number(),
  lastStatus: z.optional(z.number()),
  lastError: z.optional(z.string()),
  /** When it is due: the send time of a reminder, the next try of a retry. */
  dueAt: instantSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type BookingMessage = z.infer<typeof bookingMessageSchema>;

/** The answer of `GET /v1/admin/bookings/{id}/messages`, in the order they were written. */
export const bookingMessageListSchema = z.object({ data: z.array(bookingMessageSchema) });
export type BookingMessageList = z.infer<typeof bookingMessageListSchema>;
