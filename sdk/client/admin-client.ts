/**
 * @module `createAdminClient`: the typed client of the admin routes (widgets, slots, bookings with their cancel, CSV
 * export and messages, API keys, webhooks).
 */
import { invalidResponse } from "../errors/slotbook-error.js";
import {
  type ApiKeyCreate,
  type ApiKeyCreated,
  type ApiKeyList,
  apiKeyCreatedSchema,
  apiKeyListSchema,
} from "../schemas/api-key.js";
import {
  type AdminBooking,
  type AdminBookingUpdate,
  adminBookingSchema,
  type BookingExportQuery,
  type BookingList,
  type BookingListQuery,
  bookingListSchema,
} from "../schemas/booking-admin.js";
import {
  type Accept,
  type EmailStatus,
  type EmailTestResult,
  emailStatusSchema,
  emailTestResultSchema,
  type Insights,
  type InsightsQuery,
  type InviteCreate,
  type InviteCreated,
  insightsSchema,
  inviteCreatedSchema,
  type Session,
  type SignIn,
  sessionSchema,
  type Team,
  type TokenInfo,
  teamSchema,
  tokenInfoSchema,
  type User,
  type UserUpdate,
  userSchema,
} from "../schemas/console.js";
import { problemSchema } from "../schemas/problem.js";
import {
  type AdminSlot,
  adminSlotListSchema,
  adminSlotSchema,
  type SlotInput,
  type SlotUpdate,
} from "../schemas/slot-admin.js";
import {
  type BookingMessage,
  bookingMessageListSchema,
  type Webhook,
  type WebhookCreate,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookRotated,
  type WebhookUpdate,
  webhookCreatedSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookRotatedSchema,
  webhookSchema,
} from "../schemas/webhook.js";
import {
  type Widget,
  type WidgetCreate,
  type WidgetUpdate,
  widgetListSchema,
  widgetSchema,
} from "../schemas/widget-admin.js";
import { type CallOptions, createHttp } from "./http.js";
import { kyTransport } from "./ky-transport.js";
import { type ClientOptions, normalizeOptions } from "./options.js";
import { bearer, segment } from "./path.js";

/** Options of `createAdminClient`: an API key, or `session: true` in the console. */
export type AdminClientOptions = ClientOptions &
  (
    | {
        /** An admin API key (`sk_…`), sent as `Authorization: Bearer`. */
        apiKey: string;
        session?: undefined;
      }
    | {
        apiKey?: undefined;
        /**
         * No key: the calls are signed by the browser's session cookie, as in the console (same origin only; sign in
         * with `auth.signIn` or `auth.accept`). A change is accepted only from the server's own origin.
         */
        session: true;
      }
  );

/** Options of `bookings.cancel`. */
export interface AdminCancelOptions extends CallOptions {
  /** Tell the visitor (default true); the team that follows up is told either way. */
  notify?: boolean | undefined;
}

/** The client of the admin API, as `createAdminClient` returns it. */
export interface SlotbookAdminClient {
  widgets: {
    /** Creates a widget; every field but `title` has a default. */
    create(widget: WidgetCreate, options?: CallOptions): Promise<Widget>;
    list(options?: CallOptions): Promise<Widget[]>;
    get(widgetId: string, options?: CallOptions): Promise<Widget>;
    /** Changes some fields; `null` clears an optional one. */
    update(widgetId: string, patch: WidgetUpdate, options?: CallOptions): Promise<Widget>;
    delete(widgetId: string, options?: CallOptions): Promise<void>;
  };
  slots: {
    /** Creates slots of a widget in one request (up to 500). */
    create(widgetId: string, slots: SlotInput[], options?: CallOptions): Promise<AdminSlot[]>;
    list(widgetId: string, options?: CallOptions): Promise<AdminSlot[]>;
    update(slotId: string, patch: SlotUpdate, options?: CallOptions): Promise<AdminSlot>;
    /** Deletes a slot: resolves `undefined` when it is gone, or the cancelled slot when it had bookings. */
    delete(slotId: string, options?: CallOptions): Promise<AdminSlot | undefined>;
  };
  bookings: {
    /** One page of bookings, newest first, with the cursor of the next page (`null` on the last). */
    list(query?: BookingListQuery, options?: CallOptions): Promise<BookingList>;
    /** Every booking that matches, page after page. */
    iterate(query?: BookingListQuery, options?: CallOptions): AsyncGenerator<AdminBooking, void, undefined>;
    get(bookingId: string, options?: CallOptions): Promise<AdminBooking>;
    /**
     * Cancels the booking on its visitor's behalf (`cancelReason: "admin"`) and frees its seat; the visitor is told
     * unless `notify` is false. One already cancelled (or erased) resolves as it is.
     */
    cancel(bookingId: string, options?: AdminCancelOptions): Promise<AdminBooking>;
    /** After the class: whether the visitor came (`attendance: null` clears it). */
    update(bookingId: string, patch: AdminBookingUpdate, options?: CallOptions): Promise<AdminBooking>;
    /** Erases the booking's personal data for good and frees its seat; resolves the erased booking. */
    erase(bookingId: string, options?: CallOptions): Promise<AdminBooking>;
    /** The bookings that match (every filter of `list` but paging) as CSV text, one row a booking. */
    exportCsv(query?: BookingExportQuery, options?: CallOptions): Promise<string>;
    /** The emails and webhook deliveries the booking caused, in the order they were written, and how each went. */
    messages(bookingId: string, options?: CallOptions): Promise<BookingMessage[]>;
  };
  keys: {
    /** Creates an admin API key; its `secret` is in this answer only (the server keeps a hash). */
    create(key?: ApiKeyCreate, options?: CallOptions): Promise<ApiKeyCreated>;
    /** Every stored key, oldest first, never a secret; `bootstrapKey` says whether SLOTBOOK_ADMIN_KEY works too. */
    list(options?: CallOptions): Promise<ApiKeyList>;
    /** Revokes a key by its id (`key_…`): the next request that sends it is refused. */
    revoke(keyId: string, options?: CallOptions): Promise<void>;
  };
  /** The signed-in console user (`session: true`); with an API key, only `session()` answers, with 401. */
  auth: {
    /** Who is signed in, until when; 401 `unauthorized` when nobody is. */
    session(options?: CallOptions): Promise<Session>;
    /** Signs in (sets the session cookie); 401 for a wrong email or password, 429 after too many attempts. */
    signIn(credentials: SignIn, options?: CallOptions): Promise<Session>;
    /** Ends this browser's session. */
    signOut(options?: CallOptions): Promise<void>;
    /** Ends every session of the signed-in user, this one included. */
    signOutEverywhere(options?: CallOptions): Promise<void>;
    /** What a setup or invite link's token is for; 404 when it is unknown, used or expired. */
    lookupToken(token: string, options?: CallOptions): Promise<TokenInfo>;
    /** Uses a setup or invite link: creates the account and signs it in. */
    accept(body: Accept, options?: CallOptions): Promise<Session>;
  };
  /** The console's users and invites (owner only, but `list`). */
  team: {
    list(options?: CallOptions): Promise<Team>;
    /** Invites someone; the answer's `url` is the invite link, shown this once (valid 7 days). */
    invite(invite: InviteCreate, options?: CallOptions): Promise<InviteCreated>;
    /** Changes a user's role; the last owner cannot stop being one. */
    update(userId: string, patch: UserUpdate, options?: CallOptions): Promise<User>;
    /** Removes a user and ends their sessions at once; the last owner cannot be removed. */
    remove(userId: string, options?: CallOptions): Promise<void>;
    revokeInvite(inviteId: string, options?: CallOptions): Promise<void>;
  };
  insights: {
    /** Bookings per day, upcoming slots' fill and the funnel, for one widget or all, over the last `days` days. */
    get(query?: InsightsQuery, options?: CallOptions): Promise<Insights>;
  };
  email: {
    /** How mail is sent (SMTP or the development mailbox) and the latest failures. */
    status(options?: CallOptions): Promise<EmailStatus>;
    /** Sends a test message now and says whether the mail server took it. */
    test(to: string, options?: CallOptions): Promise<EmailTestResult>;
  };
  webhooks: {
    /** Creates an endpoint; its signing `secret` is in this answer only (and in a rotation's). */
    create(webhook: WebhookCreate, options?: CallOptions): Promise<WebhookCreated>;
    list(options?: CallOptions): Promise<Webhook[]>;
    get(webhookId: string, options?: CallOptions): Promise<Webhook>;
    /** Changes some fields; `{ status: "active" }` re-enables an endpoint a `410 Gone` disabled. */
    update(webhookId: string, patch: WebhookUpdate, options?: CallOptions): Promise<Webhook>;
    delete(webhookId: string, options?: CallOptions): Promise<void>;
    /** A new secret; the old one keeps signing for 24 h (until `previousSecretExpiresAt`). */
    rotateSecret(webhookId: string, options?: CallOptions): Promise<WebhookRotated>;
    /** Queues a `webhook.test` event to the endpoint; the delivery, pending. */
    test(webhookId: string, options?: CallOptions): Promise<WebhookDelivery>;
    /** One page of the endpoint's deliveries, newest first. */
    deliveries(webhookId: string, query?: { cursor?: string }, options?: CallOptions): Promise<WebhookDeliveryList>;
    /** Sends a delivery again now, with its event id; the delivery, pending. */
    replay(webhookId: string, deliveryId: string, options?: CallOptions): Promise<WebhookDelivery>;
  };
}

/**
 * A client of the admin API; keep the key on a server, never in a browser.
 *
 * @example
 * const admin = createAdminClient({ baseUrl: "https://book.example.com", apiKey: process.env.SLOTBOOK_API_KEY! });
 * const widget = await admin.widgets.create({ title: "Free demo class", allowedOrigins: ["https://school.example"] });
 * for await (const booking of admin.bookings.iterate({ widgetId: widget.id })) console.log(booking.email);
 */
export function createAdminClient(options: AdminClientOptions): SlotbookAdminClient {
  const { apiKey, session, ...rest } = options ?? ({} as AdminClientOptions);
  if (session !== true && (typeof apiKey !== "string" || apiKey.length === 0)) {
    throw new TypeError("Slotbook: createAdminClient needs an apiKey (or session: true in the console)");
  }
  const normalized = normalizeOptions(rest);
  const auth = session === true ? {} : bearer(apiKey ?? "");
  const withKey = { ...normalized, headers: { ...normalized.headers, ...auth } };
  const http = createHttp(withKey, kyTransport(withKey), problemSchema);
  const widget = (id: string) => `admin/widgets/${segment(id)}`;
  const slot = (id: string) => `admin/slots/${segment(id)}`;
  const booking = (id: string) => `admin/bookings/${segment(id)}`;
  const key = (id: string) => `admin/keys/${segment(id)}`;
  const webhook = (id: string) => `admin/webhooks/${segment(id)}`;

  const list: SlotbookAdminClient["bookings"]["list"] = async (query = {}, { signal } = {}) =>
    http.request(bookingListSchema, "GET", "admin/bookings", { searchParams: { ...query }, signal });

  return {
    widgets: {
      create: async (body, { signal } = {}) =>
        http.request(widgetSchema, "POST", "admin/widgets", { json: body, signal }),
      list: async ({ signal } = {}) => (await http.request(widgetListSchema, "GET", "admin/widgets", { signal })).data,
      get: async (id, { signal } = {}) => http.request(widgetSchema, "GET", widget(id), { signal }),
      update: async (id, patch, { signal } = {}) =>
        http.request(widgetSchema, "PATCH", widget(id), { json: patch, signal }),
      delete: async (id, { signal } = {}) => {
        await http.send("DELETE", widget(id), { signal });
      },
    },
    slots: {
      create: async (id, slots, { signal } = {}) =>
        (await http.request(adminSlotListSchema, "POST", `${widget(id)}/slots`, { json: { slots }, signal })).slots,
      list: async (id, { signal } = {}) =>
        (await http.request(adminSlotListSchema, "GET", `${widget(id)}/slots`, { signal })).slots,
      update: async (id, patch, { signal } = {}) =>
        http.request(adminSlotSchema, "PATCH", slot(id), { json: patch, signal }),
      delete: async (id, { signal } = {}) => {
        const response = await http.send("DELETE", slot(id), { signal });
        // 204: the slot had no bookings and is gone; 200: it had some, so it was cancelled instead.
        return response.status === 204
          ? undefined
          : http.parse(adminSlotSchema, response, "DELETE", slot(id), { signal });
      },
    },
    bookings: {
      list,
      iterate: async function* (query = {}, callOptions = {}) {
        let cursor = query.cursor;
        do {
          const page = await list({ ...query, cursor }, callOptions);
          yield* page.data;
          if (page.nextCursor !== null && page.nextCursor === cursor) {
            // A server that hands back the cursor it was given would keep this loop going for ever.
            const where = { method: "GET", url: http.url("admin/bookings", { ...query, cursor }) };
            throw invalidResponse(200, where, "The next cursor repeats the current one");
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      },
      get: async (id, { signal } = {}) => http.request(adminBookingSchema, "GET", booking(id), { signal }),
      cancel: async (id, { notify, signal } = {}) =>
        http.request(adminBookingSchema, "POST", `${booking(id)}/cancel`, {
          json: notify === undefined ? {} : { notify },
          signal,
        }),
      update: async (id, patch, { signal } = {}) =>
        http.request(adminBookingSchema, "PATCH", booking(id), { json: patch, signal }),
      erase: async (id, { signal } = {}) => http.request(adminBookingSchema, "DELETE", booking(id), { signal }),
      exportCsv: async (query = {}, { signal } = {}) => {
        const searchParams = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
        const call = { searchParams, headers: { accept: "text/csv" }, signal };
        const response = await http.send("GET", "admin/bookings/export.csv", call);
        const type = response.headers.get("content-type") ?? "";
        if (!type.startsWith("text/csv")) {
          void response.body?.cancel();
          const where = { method: "GET", url: http.url("admin/bookings/export.csv", call.searchParams) };
          throw invalidResponse(response.status, where, `Expected text/csv, got ${type || "no content type"}`);
        }
        return http.text(response, "GET", "admin/bookings/export.csv", call);
      },
      messages: async (id, { signal } = {}) =>
        (await http.request(bookingMessageListSchema, "GET", `${booking(id)}/messages`, { signal })).data,
    },
    auth: {
      session: async ({ signal } = {}) => http.request(sessionSchema, "GET", "auth/session", { signal }),
      signIn: async (body, { signal } = {}) =>
        http.request(sessionSchema, "POST", "auth/sign-in", { json: body, signal }),
      signOut: async ({ signal } = {}) => {
        await http.send("POST", "auth/sign-out", { signal });
      },
      signOutEverywhere: async ({ signal } = {}) => {
        await http.send("POST", "auth/sign-out-everywhere", { signal });
      },
      lookupToken: async (token, { signal } = {}) =>
        http.request(tokenInfoSchema, "POST", "auth/token", { json: { token }, signal }),
      accept: async (body, { signal } = {}) =>
        http.request(sessionSchema, "POST", "auth/accept", { json: body, signal }),
    },
    team: {
      list: async ({ signal } = {}) => http.request(teamSchema, "GET", "admin/team", { signal }),
      invite: async (body, { signal } = {}) =>
        http.request(inviteCreatedSchema, "POST", "admin/team/invites", { json: body, signal }),
      update: async (id, patch, { signal } = {}) =>
        http.request(userSchema, "PATCH", `admin/team/users/${segment(id)}`, { json: patch, signal }),
      remove: async (id, { signal } = {}) => {
        await http.send("DELETE", `admin/team/users/${segment(id)}`, { signal });
      },
      revokeInvite: async (id, { signal } = {}) => {
        await http.send("DELETE", `admin/team/invites/${segment(id)}`, { signal });
      },
    },
    insights: {
      get: async (query = {}, { signal } = {}) =>
        http.request(insightsSchema, "GET", "admin/insights", { searchParams: { ...query }, signal }),
    },
    email: {
      status: async ({ signal } = {}) => http.request(emailStatusSchema, "GET", "admin/email", { signal }),
      test: async (to, { signal } = {}) =>
        http.request(emailTestResultSchema, "POST", "admin/email/test", { json: { to }, signal }),
    },
    keys: {
      create: async (body = {}, { signal } = {}) =>
        http.request(apiKeyCreatedSchema, "POST", "admin/keys", { json: body, signal }),
      list: async ({ signal } = {}) => http.request(apiKeyListSchema, "GET", "admin/keys", { signal }),
      revoke: async (id, { signal } = {}) => {
        await http.send("DELETE", key(id), { signal });
      },
    },
    webhooks: {
      create: async (body, { signal } = {}) =>
        http.request(webhookCreatedSchema, "POST", "admin/webhooks", { json: body, signal }),
      list: async ({ signal } = {}) =>
        (await http.request(webhookListSchema, "GET", "admin/webhooks", { signal })).data,
      get: async (id, { signal } = {}) => http.request(webhookSchema, "GET", webhook(id), { signal }),
      update: async (id, patch, { signal } = {}) =>
        http.request(webhookSchema, "PATCH", webhook(id), { json: patch, signal }),
      delete: async (id, { signal } = {}) => {
        await http.send("DELETE", webhook(id), { signal });
      },
      rotateSecret: async (id, { signal } = {}) =>
        http.request(webhookRotatedSchema, "POST", `${webhook(id)}/rotate-secret`, { signal }),
      test: async (id, { signal } = {}) =>
        http.request(webhookDeliverySchema, "POST", `${webhook(id)}/test`, { signal }),
      deliveries: async (id, { cursor } = {}, { signal } = {}) =>
        http.request(webhookDeliveryListSchema, "GET", `${webhook(id)}/deliveries`, {
          searchParams: cursor ? { cursor } : {},
          signal,
        }),
      replay: async (id, deliveryId, { signal } = {}) =>
        http.request(webhookDeliverySchema, "POST", `${webhook(id)}/deliveries/${segment(deliveryId)}/replay`, {
          signal,
        }),
    },
  };
}
