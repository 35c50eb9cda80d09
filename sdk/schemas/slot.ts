/** @module Time slots: what a visitor picks from; what the admin creates is in slot-admin.ts. */
import * as z from "zod/mini";
import { instantInputSchema, instantSchema, slotIdSchema } from "./common.js";

/** A slot as the public list shows it. */
export const slotSchema = z.object({
  id: slotIdSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  capacity: z.number(),
  remaining: z.number(),
  label: z.optional(z.string()),
});
export type Slot = z.infer<typeof slotSchema>;

/**
 * `GET /v1/widgets/{id}/slots`: at most 500 slots; `nextFrom` when the window holds more, to send as `from` (with the
 * same `to`) for the rest.
 */
export const slotListSchema = z.object({ slots: z.array(slotSchema), nextFrom: z.optional(instantSchema) });
export type SlotList = z.infer<typeof slotListSchema>;

/**
 * Query of the public slot list: a window, 30 days from `from` (or now) by default, at most 92 days. `include=widget`
 * adds the widget's public config, so a widget's first paint needs one request instead of two.
 */
export const slotQuerySchema = z.object({
  from: z.optional(instantInputSchema),
  to: z.optional(instantInputSchema),
  include: z.optional(z.literal("widget")),
});
export type SlotQuery = z.input<typeof slotQuerySchema>;
