/** @module Widget configuration: the public part the widget reads, and the admin object around it. */
import * as z from "zod/mini";
import { instantSchema, localeSchema, text, timeZoneSchema, widgetIdSchema } from "./common.js";

/** Colour of buttons and selected slots, `#rrggbb`. */
const accentSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5"));

/** Look of the widget. */
export const themeSchema = z.object({
  accent: accentSchema,
  /** Corner radius in px; 24 is already pill-shaped for our controls. */
  radius: z.int().check(z.minimum(0), z.maximum(24)),
  mode: z.enum(["light", "dark", "auto"]),
});
export type Theme = z.infer<typeof themeSchema>;

/** A custom question on the booking form. */
export const formFieldSchema = z.object({
  key: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _")),
  label: text(200),
  type: z.enum(["text", "textarea", "select", "checkbox"]),
  required: z.boolean(),
  options: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(50))),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** The consent checkbox, e.g. "I agree to be contacted about the class." */
export const consentSchema = z.object({ text: text(500), required: z.boolean() });

const httpUrlSchema = z.url({ protocol: /^https?$/, error: "Use an http(s) URL" });

/** Origins allowed to embed a widget: `https://site.example` or `*`. */
export const originSchema = z.union([
  z.literal("*"),
  z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/, "Use an origin like https://example.com (no path)")),
]);

/** The fields of a widget as the admin sets them; the same shape is reused for create and update. */
const widgetSettingsShape = {
  title: text(120, "Give the widget a title"),
  description: z.optional(text(1000)),
  locale: localeSchema,
  timezone: timeZoneSchema,
  theme: themeSchema,
  phone: z.enum(["required", "optional", "hidden"]),
  fields: z.array(formFieldSchema).check(
    z.maxLength(20),
    z.refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, "Field keys must be unique"),
  ),
  consent: z.optional(consentSchema),
  successMessage: z.optional(text(1000)),
  redirectUrl: z.optional(httpUrlSchema),
  allowedOrigins: z.array(originSchema).check(z.minLength(1), z.maxLength(50)),
  status: z.enum(["active", "paused"]),
  notifyEmails: z
    .array(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email("Enter a valid email address")))
    .check(z.maxLength(20)),
};

/** The configuration a visitor's browser may see; never origins or notification addresses. */
export const publicWidgetSchema = z.object({
  id: widgetIdSchema,
  title: z.string(),
  description: z.optional(z.string()),
  locale: z.string(),
  timezone: z.string(),
  theme: themeSchema,
  phone: z.enum(["required", "optional", "hidden"]),
  fields: z.array(formFieldSchema),
  consent: z.optional(consentSchema),
  successMessage: z.optional(z.string()),
  redirectUrl: z.optional(z.string()),
});
export type PublicWidget = z.infer<typeof publicWidgetSchema>;

/** The widget as the admin API returns it. */
export const widgetSchema = z.extend(publicWidgetSchema, {
  allowedOrigins: z.array(z.string()),
  status: z.enum(["active", "paused"]),
  notifyEmails: z.array(z.string()),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Widget = z.infer<typeof widgetSchema>;

/** Body of `POST /v1/admin/widgets`: only `title` is required. */
export const widgetCreateSchema = z.object({
  ...widgetSettingsShape,
  locale: z._default(widgetSettingsShape.locale, "en"),
  timezone: z._default(widgetSettingsShape.timezone, "UTC"),
  theme: z._default(widgetSettingsShape.theme, () => ({ accent: "#4f46e5", radius: 12, mode: "auto" as const })),
  phone: z._default(widgetSettingsShape.phone, "optional"),
  fields: z._default(widgetSettingsShape.fields, () => []),
  allowedOrigins: z._default(widgetSettingsShape.allowedOrigins, () => ["*"]),
  status: z._default(widgetSettingsShape.status, "active"),
  notifyEmails: z._default(widgetSettingsShape.notifyEmails, () => []),
});
export type WidgetCreate = z.input<typeof widgetCreateSchema>;

/** Body of `PATCH /v1/admin/widgets/{id}`: any subset; `null` clears an optional field. */
export const widgetUpdateSchema = z.object({
  title: z.optional(widgetSettingsShape.title),
  description: z.optional(z.nullable(text(1000))),
  locale: z.optional(widgetSettingsShape.locale),
  timezone: z.optional(widgetSettingsShape.timezone),
  theme: z.optional(widgetSettingsShape.theme),
  phone: z.optional(widgetSettingsShape.phone),
  fields: z.optional(widgetSettingsShape.fields),
  consent: z.optional(z.nullable(consentSchema)),
  successMessage: z.optional(z.nullable(text(1000))),
  redirectUrl: z.optional(z.nullable(httpUrlSchema)),
  allowedOrigins: z.optional(widgetSettingsShape.allowedOrigins),
  status: z.optional(widgetSettingsShape.status),
  notifyEmails: z.optional(widgetSettingsShape.notifyEmails),
});
export type WidgetUpdate = z.input<typeof widgetUpdateSchema>;

/** `GET /v1/admin/widgets` */
export const widgetListSchema = z.object({ data: z.array(widgetSchema) });
export type WidgetList = z.infer<typeof widgetListSchema>;
