/** @module Time slots as the admin API reads and writes them; kept apart so the embed never bundles them. */
import * as z from "zod/mini";
import { instantInputSchema, instantSchema, text, widgetIdSchema } from "./common.js";
import { slotSchema } from "./slot.js";

/** A slot as the admin API returns it, with its bookings counted. */
export const adminSlotSchema = z.extend(slotSchema, {
  widgetId: widgetIdSchema,
  booked: z.number(),
  status: z.enum(["active", "cancelled"]),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type AdminSlot = z.infer<typeof adminSlotSchema>;

/** 10,000 seats: a webinar-sized class; anything larger is a typo. */
const capacitySchema = z
  .int("Capacity must be a whole number")
  .check(z.minimum(1, "At least 1 seat"), z.maximum(10_000, "At most 10000 seats"));

/** One slot to create. */
export const slotInputSchema = z
  .object({
    startsAt: instantInputSchema,
    endsAt: instantInputSchema,
    capacity: capacitySchema,
    label: z.optional(text(80)),
  })
  .check(
    z.refine((slot) => slot.endsAt > slot.startsAt, { message: "A slot must end after it starts", path: ["endsAt"] }),
  );
export type SlotInput = z.input<typeof slotInputSchema>;

/** Body of `POST /v1/admin/widgets/{id}/slots`; 500 slots is a year of daily classes and more. */
export const slotCreateSchema = z.object({ slots: z.array(slotInputSchema).check(z.minLength(1), z.maxLength(500)) });

/** `POST` and `GET` answers of the admin slot routes. */
export const adminSlotListSchema = z.object({ slots: z.array(adminSlotSchema) });
export type AdminSlotList = z.infer<typeof adminSlotListSchema>;

/** Body of `PATCH /v1/admin/slots/{id}`. */
export const slotUpdateSchema = z
  .object({
    startsAt: z.optional(instantInputSchema),
    endsAt: z.optional(instantInputSchema),
    capacity: z.optional(capacitySchema),
    label: z.optional(z.nullable(text(80))),
    status: z.optional(z.enum(["active", "cancelled"])),
  })
  .check(
    z.refine((slot) => !slot.startsAt || !slot.endsAt || slot.endsAt > slot.startsAt, {
      message: "A slot must end after it starts",
      path: ["endsAt"],
    }),
  );
export type SlotUpdate = z.input<typeof slotUpdateSchema>;
