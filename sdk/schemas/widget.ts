/** @module The widget configuration a visitor's browser reads; the admin schemas around it are in widget-admin.ts. */
import * as z from "zod/mini";
import { widgetIdSchema } from "./common.js";
import { slotListSchema } from "./slot.js";

const phoneModeSchema = z.enum(["required", "optional", "hidden"]);

/** The configuration a visitor's browser may see; never origins or notification addresses. */
export const publicWidgetSchema = z.object({
  id: widgetIdSchema,
  title: z.string(),
  description: z.optional(z.string()),
  locale: z.string(),
  timezone: z.string(),
  theme: z.object({ accent: z.string(), radius: z.number(), mode: z.enum(["light", "dark", "auto"]) }),
  phone: phoneModeSchema,
  /**
   * ISO 3166-1 alpha-2 country a national phone number is read in (`0151 23456789` with `DE` is +4915123456789);
   * set by the admin, or else the country of `timezone`; absent when neither gives one (numbers then need `+`).
   */
  phoneCountry: z.optional(z.string()),
  /** An example number of `phoneCountry` in its national format (`01512 3456789`), for the phone field's hint. */
  phoneExample: z.optional(z.string()),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(["text", "textarea", "select", "checkbox"]),
      required: z.boolean(),
      options: z.optional(z.array(z.string())),
    }),
  ),
  consent: z.optional(z.object({ text: z.string(), required: z.boolean() })),
  successMessage: z.optional(z.string()),
  redirectUrl: z.optional(z.string()),
  /** Where the class happens: an address to go to, or a link to join (shown with every time, in emails and invites). */
  location: z.optional(
    z.union([
      z.object({ kind: z.literal("in_person"), address: z.string() }),
      z.object({ kind: z.literal("online"), url: z.string() }),
    ]),
  ),
  /** Who runs the class: shown on the manage page and in invites (`ORGANIZER`), the address visitors may write to. */
  organizer: z.optional(z.object({ name: z.string(), email: z.string() })),
});
export type PublicWidget = z.infer<typeof publicWidgetSchema>;

/**
 * `GET /v1/widgets/{id}/slots?include=widget`: the widget's public config and the first page of its slots (up to
 * 500, `nextFrom` when there are more), in one answer: what a widget needs to show its first times.
 */
export const widgetStartSchema = z.extend(slotListSchema, { widget: publicWidgetSchema });
export type WidgetStart = z.infer<typeof widgetStartSchema>;
