/** @module Path parameters and request headers of the HTTP API, as the server validates and documents them. */
import * as z from "zod/mini";

/**
 * A path id: any string, so a malformed id answers 404 like an unknown one (as the routes always have), described
 * with its prefix for the reference.
 */
// @__NO_SIDE_EFFECTS__
function pathId(description: string, example: string) {
  return z.string().check(z.meta({ description, examples: [example] }));
}

/** `{widgetId}` */
export const widgetPathSchema = z.object({ widgetId: pathId("Widget id (`wgt_…`)", "wgt_demo") });
/** `{bookingId}` */
export const bookingPathSchema = z.object({ bookingId: pathId("Booking id (`bkg_…`)", "bkg_4JqZ8n2Lw0") });
/** `{slotId}` */
export const slotPathSchema = z.object({ slotId: pathId("Slot id (`slot_…`)", "slot_7hX2kP9qRt") });
/** `{keyId}` */
export const keyPathSchema = z.object({
  keyId: pathId("API key id (`key_…`, not the `sk_…` secret)", "key_M3vT8cQe1s"),
});

/** 255 characters: the spec's bound on `Idempotency-Key`. */
export const MAX_IDEMPOTENCY_KEY = 255;

/** Headers of `POST /v1/widgets/{widgetId}/bookings` (lower-case: how Hono hands headers over). */
export const bookingHeadersSchema = z.object({
  "idempotency-key": z.optional(
    z.string().check(
      z.minLength(1),
      z.maxLength(MAX_IDEMPOTENCY_KEY),
      z.meta({
        description:
          "Same key and same body within 24 h replay the first answer (with `Idempotent-Replayed: true`); same key " +
          "and another body answer 422 `idempotency_key_reused`. The widget and the SDK always send one.",
        examples: ["6f1c2d0e-8a7b-4c3d-9e2f-1a2b3c4d5e6f"],
      }),
    ),
  ),
});

/** `{webhookId}` */
export const webhookPathSchema = z.object({ webhookId: pathId("Webhook endpoint id (`whk_…`)", "whk_9dLq2VwX4e") });
/** `{webhookId}` and `{deliveryId}` */
export const deliveryPathSchema = z.object({
  webhookId: pathId("Webhook endpoint id (`whk_…`)", "whk_9dLq2VwX4e"),
  deliveryId: pathId("Delivery id (`obx_…`)", "obx_Vb6s1Kp0Zr"),
});
