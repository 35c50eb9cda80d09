/** @module Widget configuration as the admin API reads and writes it; kept apart so the embed never bundles it. */
import * as z from "zod/mini";
import { instantSchema, localeSchema, text, timeZoneSchema, wholeNumber } from "./common.js";
import { publicWidgetSchema } from "./widget.js";

// The enums as publicWidgetSchema declares them: one list of phone modes, theme modes and field types.
const phoneModeSchema = publicWidgetSchema.shape.phone;
const themeModeSchema = publicWidgetSchema.shape.theme.shape.mode;
const fieldTypeSchema = publicWidgetSchema.shape.fields._zod.def.element.shape.type;

/** Look of the widget. Radius in px; 24 is already pill-shaped for our controls. */
export const themeSchema = z.object({
  accent: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5")),
  radius: wholeNumber(0, 24),
  mode: themeModeSchema,
});
export type Theme = z.infer<typeof themeSchema>;

/** A custom question on the booking form. */
export const formFieldSchema = z.object({
  key: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _")),
  label: text(200),
  type: fieldTypeSchema,
  required: z.boolean(),
  options: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(50))),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** The consent checkbox, e.g. "I agree to be contacted about the class." */
export const consentSchema = z.object({ text: text(500), required: z.boolean() });

const statusSchema = z.enum(["active", "paused"]);
const titleSchema = text(120, "Give the widget a title");
const longTextSchema = text(1000);
/**
 * An http(s) URL, stored the way `new URL()` writes it (lower-case scheme and host), so what reads it later
 * (the widget's `https?://` check before it redirects) sees one form: `HTTPS://X.com/Thanks` → `https://x.com/Thanks`.
 * zod's `normalize` option would do the same but also accept `http:x.com`, which its default check refuses.
 */
const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "Use an http(s) URL" })
  // Guarded: checks after a failed one still run, and a throw here would be a 500 instead of a 422.
  .check(z.overwrite((value) => (URL.canParse(value) ? new URL(value).href : value)));
const fieldsSchema = z.array(formFieldSchema).check(
  z.maxLength(20),
  z.refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, "Field keys must be unique"),
);

/**
 * An origin allowed to embed a widget, `https://site.example` or `*`, normalised the way browsers send the
 * `Origin` header (lower-case host, no default port, no trailing slash), so an exact match works.
 */
export const originSchema = z.string().check(
  z.trim(),
  z.overwrite((value) => browserOrigin(value) ?? value),
  z.regex(/^(\*|https?:\/\/[^/?#\s@]+)$/, "Use an origin like https://example.com (no path), or *"),
);

/** `value` as browsers write it in `Origin`, or undefined when it is not a bare http(s) origin. */
export function browserOrigin(value: string): string | undefined {
  if (value === "*" || !URL.canParse(value)) return value === "*" ? value : undefined;
  const url = new URL(value);
  const bare = !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  return bare && /^https?:$/.test(url.protocol) ? url.origin : undefined;
}
const originsSchema = z.array(originSchema).check(z.minLength(1), z.maxLength(50));
/** A team address (the organiser's, one in `notifyEmails`), trimmed and lower-cased. */
const teamAddressSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter a valid email address"));
const notifyEmailsSchema = z.array(teamAddressSchema).check(z.maxLength(20));

/**
 * Reminder emails, in minutes before the class (at most 3, each up to 30 days); `[]` sends none. Left out, the
 * server sends one a day before ([1440]).
 */
const remindersSchema = z.array(wholeNumber(1, 43_200)).check(
  z.maxLength(3),
  z.refine((minutes) => new Set(minutes).size === minutes.length, "Each reminder time once"),
);

/**
 * Where the class happens: an address to go to, or a link to join. Shown in the emails and as the invite's
 * `LOCATION` (an online class's link also as its `URL`).
 */
export const locationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("in_person"), address: text(300) }),
  z.object({ kind: z.literal("online"), url: httpUrlSchema }),
]);
export type Location = z.infer<typeof locationSchema>;

/** Who runs the class: the invite's `ORGANIZER` and the name and address visitors may write to. */
export const organizerSchema = z.object({
  name: text(120),
  email: teamAddressSchema,
});
export type Organizer = z.infer<typeof organizerSchema>;

/**
 * The country national phone numbers are read in: ISO 3166-1 alpha-2, upper-cased (`de` → `DE`). Left out (or
 * cleared with `null`), the country of the widget's time zone applies, and it follows the zone when that changes.
 */
export const phoneCountrySchema = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(/^[A-Z]{2}$/, "Use a two-letter country code like DE (ISO 3166-1)"),
  z.meta({
    description: "Country national phone numbers are read in (ISO 3166-1 alpha-2); default: the time zone's country",
    examples: ["DE"],
  }),
);

/** The widget as the admin API returns it. */
export const widgetSchema = z.extend(publicWidgetSchema, {
  allowedOrigins: z.array(z.string()),
  status: statusSchema,
  notifyEmails: z.array(z.string()),
  reminders: z.optional(z.array(z.number())),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Widget = z.infer<typeof widgetSchema>;

/** Body of `POST /v1/admin/widgets`: only `title` is required. */
export const widgetCreateSchema = z.object({
  title: titleSchema,
  description: z.optional(longTextSchema),
  locale: z._default(localeSchema, "en"),
  timezone: z._default(timeZoneSchema, "UTC"),
  theme: z._default(themeSchema, () => ({ accent: "#4f46e5", radius: 12, mode: "auto" as const })),
  phone: z._default(phoneModeSchema, "optional"),
  phoneCountry: z.optional(phoneCountrySchema),
  fields: z._default(fieldsSchema, () => []),
  consent: z.optional(consentSchema),
  successMessage: z.optional(longTextSchema),
  redirectUrl: z.optional(httpUrlSchema),
  allowedOrigins: z._default(originsSchema, () => ["*"]),
  status: z._default(statusSchema, "active"),
  notifyEmails: z._default(notifyEmailsSchema, () => []),
  reminders: z.optional(remindersSchema),
  location: z.optional(locationSchema),
  organizer: z.optional(organizerSchema),
});
export type WidgetCreate = z.input<typeof widgetCreateSchema>;

/** Body of `PATCH /v1/admin/widgets/{id}`: any subset; `null` clears an optional field. */
export const widgetUpdateSchema = z.object({
  title: z.optional(titleSchema),
  description: z.optional(z.nullable(longTextSchema)),
  locale: z.optional(localeSchema),
  timezone: z.optional(timeZoneSchema),
  theme: z.optional(themeSchema),
  phone: z.optional(phoneModeSchema),
  phoneCountry: z.optional(z.nullable(phoneCountrySchema)),
  fields: z.optional(fieldsSchema),
  consent: z.optional(z.nullable(consentSchema)),
  successMessage: z.optional(z.nullable(longTextSchema)),
  redirectUrl: z.optional(z.nullable(httpUrlSchema)),
  allowedOrigins: z.optional(originsSchema),
  status: z.optional(statusSchema),
  notifyEmails: z.optional(notifyEmailsSchema),
  reminders: z.optional(remindersSchema),
  location: z.optional(z.nullable(locationSchema)),
  organizer: z.optional(z.nullable(organizerSchema)),
});
export type WidgetUpdate = z.input<typeof widgetUpdateSchema>;

/** `GET /v1/admin/widgets` */
export const widgetListSchema = z.object({ data: z.array(widgetSchema) });
export type WidgetList = z.infer<typeof widgetListSchema>;
