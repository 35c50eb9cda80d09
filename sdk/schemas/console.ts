/**
 * @module The marketer console's contract: accounts and sessions (`/v1/auth/…`), the team (`/v1/admin/team/…`), the
 * insight numbers (`/v1/admin/insights`), the email status (`/v1/admin/email`) and the widget's funnel beacons
 * (`POST /v1/widgets/{id}/events`). Kept apart from the widget's schemas so the embed never bundles them.
 */
import * as z from "zod/mini";
import { emailSchema, utmSchema } from "./booking.js";
import { instantSchema, slotIdSchema, text, widgetIdSchema } from "./common.js";

/** What a console user may do: owner (everything, team, keys, webhooks), editor (widgets, slots, bookings), viewer (read). */
export const roleSchema = z.enum(["owner", "editor", "viewer"]);
export type Role = z.infer<typeof roleSchema>;

/** Id of a console user, e.g. `usr_4Jq…`. */
export const userIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^usr_[A-Za-z0-9_-]{1,64}$/, "Not a user id"));

/**
 * A password as the console takes it: 10 to 200 characters, not trimmed (spaces count). Length is what makes a
 * password strong (NIST SP 800-63B); no composition rules.
 */
export const passwordSchema = z
  .string()
  .check(z.minLength(10, "Use at least 10 characters"), z.maxLength(200, "At most 200 characters"));

/** A console user as the API shows them: never a password hash. */
export const userSchema = z.object({
  id: userIdSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: instantSchema,
  lastSignInAt: z.nullable(instantSchema),
});
export type User = z.infer<typeof userSchema>;

/** `GET /v1/auth/session` and the answer of sign-in and accept: who is signed in, until when. */
export const sessionSchema = z.object({ user: userSchema, expiresAt: instantSchema });
export type Session = z.infer<typeof sessionSchema>;

/** Body of `POST /v1/auth/sign-in`. */
export const signInSchema = z.object({ email: emailSchema, password: z.string().check(z.maxLength(200)) });
export type SignIn = z.input<typeof signInSchema>;

/** Body of `POST /v1/auth/token`: a setup or invite token from a link, to see what it is for before using it. */
export const tokenLookupSchema = z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) });

/** What a setup or invite link is for: `setup` creates the first owner (email chosen then), `invite` a team member. */
export const tokenInfoSchema = z.object({
  kind: z.enum(["setup", "invite"]),
  email: z.nullable(z.string()),
  role: roleSchema,
  expiresAt: instantSchema,
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** Body of `POST /v1/auth/accept`: use a setup or invite link; `email` only for setup (an invite names it). */
export const acceptSchema = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  email: z.optional(emailSchema),
  name: text(100),
  password: passwordSchema,
});
export type Accept = z.input<typeof acceptSchema>;

/** Id of an invite, e.g. `inv_4Jq…`. */
export const inviteIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^inv_[A-Za-z0-9_-]{1,64}$/, "Not an invite id"));

/** An invite not yet used: to whom, as what, until when. */
export const inviteSchema = z.object({
  id: inviteIdSchema,
  email: z.string(),
  role: roleSchema,
  createdAt: instantSchema,
  expiresAt: instantSchema,
});
export type Invite = z.infer<typeof inviteSchema>;

/** Body of `POST /v1/admin/team/invites`. */
export const inviteCreateSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteCreate = z.input<typeof inviteCreateSchema>;

/** The answer to `POST /v1/admin/team/invites`: the invite and its link, shown this once (only a hash is kept). */
export const inviteCreatedSchema = z.object({ invite: inviteSchema, url: z.string() });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

/** `GET /v1/admin/team`: the users, oldest first, and the open invites. */
export const teamSchema = z.object({ users: z.array(userSchema), invites: z.array(inviteSchema) });
export type Team = z.infer<typeof teamSchema>;

/** Body of `PATCH /v1/admin/team/users/{userId}`. */
export const userUpdateSchema = z.object({ role: roleSchema });
export type UserUpdate = z.input<typeof userUpdateSchema>;

/** The steps of the funnel a widget reports; `booked` is counted by the server from the bookings themselves. */
export const funnelEventTypeSchema = z.enum(["view", "slot_selected", "form_started"]);
export type FunnelEventType = z.infer<typeof funnelEventTypeSchema>;

/**
 * Body of `POST /v1/widgets/{widgetId}/events`, sent with `navigator.sendBeacon` (so as `text/plain`, which needs no
 * CORS preflight): a step and the page's UTM parameters. Only the step, the day and `utm.source` are kept, as counters.
 */
export const funnelEventSchema = z.object({ type: funnelEventTypeSchema, utm: z.optional(utmSchema) });
export type FunnelEvent = z.input<typeof funnelEventSchema>;

/** A day as `YYYY-MM-DD`. */
export const daySchema = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/, "Use a date like 2026-12-01"));

/** Query of `GET /v1/admin/insights`: one widget or all, over the last `days` days (UTC) up to today. */
export const insightsQuerySchema = z.object({
  widgetId: z.optional(widgetIdSchema),
  days: z._default(
    z.pipe(
      z.union([z.number(), z.string().check(z.regex(/^\d+$/, "Use a whole number"))]),
      z.pipe(
        z.transform((v: number | string) => Number(v)),
        z.int().check(z.minimum(1), z.maximum(366)),
      ),
    ),
    30,
  ),
});
export type InsightsQuery = z.input<typeof insightsQuerySchema>;

/** Counts of one funnel: views, slot chosen, form started, booked. */
export const funnelCountsSchema = z.object({
  views: z.number(),
  slotSelected: z.number(),
  formStarted: z.number(),
  booked: z.number(),
});
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;

/** `GET /v1/admin/insights`: bookings per day, the upcoming slots' fill, and the funnel per widget and UTM source. */
export const insightsSchema = z.object({
  from: daySchema,
  to: daySchema,
  /** One entry per day from `from` to `to`, days without bookings included. */
  bookingsPerDay: z.array(z.object({ day: daySchema, bookings: z.number(), cancelled: z.number() })),
  /** The next upcoming active slots (at most 12), soonest first. */
  upcoming: z.array(
    z.object({
      id: slotIdSchema,
      widgetId: widgetIdSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      capacity: z.number(),
      booked: z.number(),
      label: z.nullable(z.string()),
    }),
  ),
  funnel: z.extend(funnelCountsSchema, {
    /** Per widget, most viewed first. */
    byWidget: z.array(z.extend(funnelCountsSchema, { widgetId: widgetIdSchema })),
    /** Per `utm_source` (`null`: none), most viewed first. */
    bySource: z.array(z.extend(funnelCountsSchema, { source: z.nullable(z.string()) })),
  }),
});
export type Insights = z.infer<typeof insightsSchema>;

/** `GET /v1/admin/email`: how mail leaves this server and what went wrong lately. */
export const emailStatusSchema = z.object({
  /**
   * `smtp` with SMTP_URL; `files`: the development mailbox (`.eml` files), nothing is really sent; `none`: the app was
   * mounted without a mailer (`createApp` without `mailer`), so this process sends no email.
   */
  transport: z.enum(["smtp", "files", "none"]),
  from: z.string(),
  pending: z.number(),
  /** The latest failed or retrying messages, newest first (at most 20). */
  failures: z.array(
    z.object({
      id: z.string(),
      event: z.string(),
      bookingId: z.nullable(z.string()),
      status: z.string(),
      attempts: z.number(),
      lastError: z.nullable(z.string()),
      updatedAt: instantSchema,
    }),
  ),
});
export type EmailStatus = z.infer<typeof emailStatusSchema>;

/** Body of `POST /v1/admin/email/test`. */
export const emailTestSchema = z.object({ to: emailSchema });

/** The answer to `POST /v1/admin/email/test`: sent (or written to the mailbox), or the server's refusal in words. */
export const emailTestResultSchema = z.object({ sent: z.boolean(), error: z.nullable(z.string()) });
export type EmailTestResult = z.infer<typeof emailTestResultSchema>;
