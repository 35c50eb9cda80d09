/** @module The widget configuration a visitor's browser reads; the admin schemas around it are in widget-admin.ts. */
import * as z from "zod/mini";
import { widgetIdSchema } from "./common.js";

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
});
export type PublicWidget = z.infer<typeof publicWidgetSchema>;
