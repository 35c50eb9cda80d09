/** @module The storage interface: plain rows in, plain rows out; the SQLite and PostgreSQL stores implement it. */

/** A widget; `config` is the JSON text of its settings (everything but id, status and timestamps). */
export interface WidgetRow {
  id: string;
  status: "active" | "paused";
  config: string;
  createdAt: string;
  updatedAt: string;
}

/** A time slot; `booked` counts its confirmed bookings and never exceeds `capacity`. */
export interface SlotRow {
  id: string;
  widgetId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  label: string | null;
  status: "active" | "cancelled";
  createdAt: string;
  updatedAt: string;
}

/**
 * A booking. Personal data lives only in `pii` (an encrypted envelope) and `emailIndex`
 * (a blind index); both are null once the booking is erased.
 */
export interface BookingRow {
  id: string;
  widgetId: string;
  slotId: string;
  status: "confirmed" | "cancelled" | "erased";
  emailIndex: string | null;
  pii: string | null;
  tokenHash: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  /** Who cancelled: the visitor, the admin on their behalf, or the school with the whole slot; null until then. */
  cancelReason: CancelReason | null;
  erasedAt: string | null;
  /** The page's `utm_source` at booking time, in clear for the funnel (a campaign's name); null for none. */
  source: string | null;
  /** Whether the visitor came, as the team marked it after the class; null until marked. */
  attendance: Attendance | null;
}

/** After the class: came or did not. */
export type Attendance = "attended" | "no_show";

/** What a console user may do. */
export type Role = "owner" | "editor" | "viewer";

/** A console user; the password only as a scrypt hash. `email` is lower-case. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

/** A console session: the cookie's token only as a SHA-256 hash. */
export interface SessionRow {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** A setup link (creates the first owner) or an invite, kept as its token's hash; `usedAt` once used. */
export interface UserTokenRow {
  id: string;
  kind: "setup" | "invite";
  tokenHash: string;
  email: string | null;
  role: Role;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A step of the widget's funnel as counted per day. */
export type FunnelStep = "views" | "slotSelected" | "formStarted";

/** One widget's funnel counts for one source over some days. */
export interface FunnelTotalsRow {
  widgetId: string;
  source: string;
  views: number;
  slotSelected: number;
  formStarted: number;
}

/** Bookings made on one day (UTC) for one widget and source, by their status now. */
export interface BookingCountRow {
  day: string;
  widgetId: string;
  source: string | null;
  status: BookingRow["status"];
  count: number;
}

/** Why a booking was cancelled, as the contract's `cancelReason` names it. */
export type CancelReason = "visitor" | "admin" | "slot_cancelled";

/** The answer stored for an `Idempotency-Key`; `body` is an encrypted envelope (it holds the manage token). */
export interface IdempotencyRow {
  widgetId: string;
  key: string;
  requestHash: string;
  status: number;
  body: string;
  createdAt: string;
}

/** An admin API key, kept only as its SHA-256 hash; `lastUsedAt` is written at most about once a minute. */
export interface ApiKeyRow {
  id: string;
  hash: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** What happened, as outbox rows and webhook events name it; `reminder` is a message due before a class. */
export type OutboxEvent =
  | "booking.created"
  | "booking.rescheduled"
  | "booking.cancelled"
  | "booking.erased"
  | "slot.cancelled"
  | "reminder"
  | "webhook.test";

/**
 * One message (an email) or delivery (a webhook call) a change owes someone, written in the change's transaction and
 * delivered by the outbox worker. `target` says to whom (`visitor`, `team`, an endpoint id); `payload` is plain JSON
 * text, `sealed` an envelope of the personal part bound to the row id. Pending rows whose `leaseUntil` has passed
 * are free to claim again (their worker died).
 */
export interface OutboxRow {
  id: string;
  kind: "email" | "webhook";
  event: OutboxEvent;
  bookingId: string | null;
  widgetId: string | null;
  target: string;
  payload: string | null;
  sealed: string | null;
  dueAt: string;
  status: "pending" | "delivered" | "failed" | "dropped";
  /** Attempts started, counted when claimed, so one that crashed the process still counts. */
  attempts: number;
  leaseUntil: string | null;
  lastError: string | null;
  /** A webhook delivery's event id (its `webhook-id`, the same on every retry and replay); null for an email. */
  eventId: string | null;
  /** The HTTP status of a webhook delivery's last attempt, when the receiver answered. */
  lastStatus: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A webhook endpoint. `events` is the JSON text of its subscription; `secret` and `previousSecret` are envelopes
 * sealed with the endpoint id as additional data; `includePersonalData` is 0 or 1.
 */
export interface WebhookRow {
  id: string;
  url: string;
  events: string;
  widgetId: string | null;
  includePersonalData: number;
  description: string | null;
  status: "active" | "disabled";
  disabledReason: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** How a claimed outbox row's attempt ended: sent, to be tried again at `dueAt`, or given up. */
export type OutboxOutcome = (
  | { status: "delivered" }
  | { status: "pending"; dueAt: string; lastError: string }
  | { status: "failed"; lastError: string }
) & { lastStatus?: number };

/** Filters and keyset position for listing bookings, newest first. */
export interface BookingQuery {
  widgetId?: string;
  slotId?: string;
  status?: BookingRow["status"];
  /** Any of these blind indexes (one per key in the rotation). */
  emailIndexes?: string[];
  /** Created at or after this instant. */
  createdFrom?: string;
  /** Created before this instant. */
  createdTo?: string;
  /** Return only bookings strictly after this position in (createdAt desc, id desc) order. */
  after?: { createdAt: string; id: string };
  limit: number;
}

/**
 * A new booking with every row that lands with it, prepared by the domain for `Store.bookSeat`. The rows were built
 * for the slot and webhook endpoints as the domain last read them; the write checks both, so a slot moved meanwhile
 * or an endpoint added takes no seat (the caller then books the slow way, reading everything afresh).
 */
export interface SeatBooking {
  now: string;
  /** The slot as the rows were built for. */
  slot: Pick<SlotRow, "id" | "widgetId" | "startsAt" | "endsAt">;
  /** `webhookFingerprint` of the widget's active endpoints the outbox rows were built for. */
  webhooks: string;
  booking: BookingRow;
  /** The Idempotency-Key's record of the answer, when the request carried one. */
  idempotency?: IdempotencyRow;
  /** The booking's follow-up: every row has `bookingId` and `widgetId` of the booking, status pending, no attempts. */
  outbox: OutboxRow[];
}

/**
 * What the database compares `SeatBooking.webhooks` with: each active endpoint's id, subscription and personal-data
 * flag, in id order (the same text both engines' SQL builds).
 */
export function webhookFingerprint(
  endpoints: ReadonlyArray<Pick<WebhookRow, "id" | "events" | "includePersonalData">>,
): string {
  return [...endpoints]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => `${e.id}:${e.events}:${e.includePersonalData}`)
    .join(",");
}

/** Thrown by a write that breaks a unique key; `constraint` names which one. */
export class UniqueViolationError extends Error {
  override name = "UniqueViolationError";
  constructor(
    readonly constraint: "idempotency" | "booking_email" | "other",
    options?: { cause?: unknown },
  ) {
    super(`Unique key violated: ${constraint}`, options);
  }
}

/** Thrown when the database cannot be reached, cannot take writes, or did not answer in time. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

/**
 * Thrown for a deadlock or serialization failure: the transaction lost to another and may succeed if run again.
 * `store.transaction` runs it again a few times; past that it reaches the caller as unavailable.
 */
export class StoreConflictError extends StoreUnavailableError {
  override name = "StoreConflictError";
  constructor(options?: { cause?: unknown }) {
    super("The database refused a transaction that conflicted with another", options);
  }
}

/** Every read and write the domain needs; the same on the store and inside a transaction. */
export interface StoreOps {
  insertWidget(row: WidgetRow): Promise<void>;
  getWidget(id: string): Promise<WidgetRow | undefined>;
  listWidgets(): Promise<WidgetRow[]>;
  /** Writes the given columns; returns the row after the write, undefined when there is none. */
  updateWidget(id: string, patch: Partial<Omit<WidgetRow, "id" | "createdAt">>): Promise<WidgetRow | undefined>;
  /** Deletes the widget with its slots, bookings and idempotency records; false when there was none. */
  deleteWidget(id: string): Promise<boolean>;

  insertSlots(rows: SlotRow[]): Promise<void>;
  getSlot(id: string): Promise<SlotRow | undefined>;
  /** Slots of a widget in start order; `from`/`to` bound `startsAt` (from inclusive, to exclusive); at most `limit`. */
  listSlots(
    widgetId: string,
    window?: { from?: string; to?: string; status?: SlotRow["status"]; limit?: number },
  ): Promise<SlotRow[]>;
  updateSlot(
    id: string,
    patch: Partial<Omit<SlotRow, "id" | "widgetId" | "booked" | "createdAt">>,
  ): Promise<SlotRow | undefined>;
  deleteSlot(id: string): Promise<boolean>;
  /**
   * Take one seat: atomically `booked + 1` when the slot is active, `booked < capacity`, and (when given) it
   * belongs to `only.widgetId` and starts after `only.startsAfter`. Returns the slot after the write, or
   * undefined when no seat was taken. Safe under any number of concurrent callers and processes.
   */
  takeSeat(
    slotId: string,
    now: string,
    only?: { widgetId?: string; startsAfter?: string },
  ): Promise<SlotRow | undefined>;
  /** Lock these slots' rows, in one fixed order, for the rest of the transaction (a no-op where writers are serial). */
  lockSlots(ids: string[]): Promise<void>;
  /** Give one seat back (`booked - 1`, never below zero). */
  releaseSeat(slotId: string, now: string): Promise<void>;

  /** Throws UniqueViolationError("booking_email") when the email already holds a confirmed seat in the slot. */
  insertBooking(row: BookingRow): Promise<void>;
  getBooking(id: string): Promise<BookingRow | undefined>;
  /** The booking, its row locked for the rest of the transaction, so writes decided from it cannot race. */
  lockBooking(id: string): Promise<BookingRow | undefined>;
  /**
   * Writes the patch only if the booking still has `only.status` / `only.slotId` (when given), so a write based
   * on an earlier read cannot apply twice when requests race; the row after the write, undefined when none matched.
   */
  updateBooking(
    id: string,
    patch: Partial<Omit<BookingRow, "id" | "widgetId" | "createdAt">>,
    only?: { status?: BookingRow["status"]; slotId?: string },
  ): Promise<BookingRow | undefined>;
  /**
   * Cancels every confirmed booking of the slot (`status` cancelled, the reason and times given) and gives their
   * seats back, in one step; the bookings as cancelled. Call it in a transaction that has locked the slot.
   */
  cancelSlotBookings(
    slotId: string,
    change: { cancelReason: CancelReason; cancelledAt: string; updatedAt: string },
  ): Promise<BookingRow[]>;
  /** A confirmed booking in the slot whose email index is one of these. */
  findConfirmedBooking(slotId: string, emailIndexes: string[]): Promise<BookingRow | undefined>;
  listBookings(query: BookingQuery): Promise<BookingRow[]>;
  /** Every booking that matches (no `after`, no `limit`), oldest first, in pages, for CSV export. */
  streamBookings(filter: Omit<BookingQuery, "after" | "limit">, pageSize: number): AsyncIterable<BookingRow>;
  /** Bookings created in [from, to), counted per UTC day, widget, source and status. */
  countBookings(from: string, to: string, widgetId?: string): Promise<BookingCountRow[]>;
  /** The next active slots starting after `now`, soonest first. */
  upcomingSlots(now: string, limit: number, widgetId?: string): Promise<SlotRow[]>;

  /** Throws UniqueViolationError("idempotency") when the key is already recorded for the widget. */
  insertIdempotency(row: IdempotencyRow): Promise<void>;
  getIdempotency(widgetId: string, key: string): Promise<IdempotencyRow | undefined>;
  /** Drops records created before `before`; returns how many. */
  purgeIdempotency(before: string): Promise<number>;

  /** Inserts outbox rows (in the caller's transaction, so they land with the change or not at all). */
  insertOutbox(rows: OutboxRow[]): Promise<void>;
  /**
   * Claims up to `limit` pending rows due at `now` whose lease is free, oldest due first: sets their lease to
   * `leaseUntil` and counts an attempt. Rows another worker holds are skipped (`FOR UPDATE SKIP LOCKED` on
   * PostgreSQL), so concurrent workers never claim one row twice while its lease runs.
   */
  claimOutbox(now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]>;
  /**
   * Records the outcome of a claimed row's attempt and frees its lease, only if the row is still pending under the
   * lease `leaseUntil` (a worker whose lease ran out, or whose row was dropped meanwhile, changes nothing); false then.
   */
  settleOutbox(id: string, leaseUntil: string, outcome: OutboxOutcome, now: string): Promise<boolean>;
  /**
   * A booking's outbox rows that must not go out any more: `reminders` drops its pending reminders (cancelled,
   * rescheduled); `personal` (erase) drops every pending row with personal data and forgets the sealed part of every
   * row, sent or not. Returns how many pending rows were dropped.
   */
  dropOutbox(bookingId: string, scope: "reminders" | "personal", now: string): Promise<number>;
  /** A booking's outbox rows, oldest first (what it caused and how that went, for the admin). */
  listOutbox(bookingId: string): Promise<OutboxRow[]>;

  insertWebhook(row: WebhookRow): Promise<void>;
  getWebhook(id: string): Promise<WebhookRow | undefined>;
  /** Every endpoint, oldest first. */
  listWebhooks(): Promise<WebhookRow[]>;
  /** The active endpoints that hear of this widget's events (scoped to it, or to every widget), oldest first. */
  activeWebhooksFor(widgetId: string): Promise<WebhookRow[]>;
  /** Writes the given columns; the row after the write, undefined when there is none. */
  updateWebhook(id: string, patch: Partial<Omit<WebhookRow, "id" | "createdAt">>): Promise<WebhookRow | undefined>;
  /** Deletes the endpoint with its deliveries; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  /** An endpoint's deliveries, newest first, strictly after `after` in that order. */
  listDeliveries(
    webhookId: string,
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<OutboxRow[]>;
  /** Makes an endpoint's delivery due again now; the row after, undefined when the endpoint has none with this id. */
  replayDelivery(webhookId: string, deliveryId: string, now: string): Promise<OutboxRow | undefined>;

  /** Adds one to a funnel step's counter for the widget, day (`YYYY-MM-DD`) and source ('' for none). */
  countFunnelStep(widgetId: string, day: string, source: string, step: FunnelStep): Promise<void>;
  /** The funnel counters of days in [fromDay, toDay], summed per widget and source. */
  funnelTotals(fromDay: string, toDay: string, widgetId?: string): Promise<FunnelTotalsRow[]>;
  /** The latest email rows that failed or are being retried, newest change first; and how many are pending. */
  emailTrouble(limit: number): Promise<{ rows: OutboxRow[]; pending: number }>;

  /** Throws UniqueViolationError("other") when the email is taken. */
  insertUser(row: UserRow): Promise<void>;
  getUser(id: string): Promise<UserRow | undefined>;
  findUserByEmail(email: string): Promise<UserRow | undefined>;
  /** Every user, oldest first. */
  listUsers(): Promise<UserRow[]>;
  countUsers(): Promise<number>;
  updateUser(id: string, patch: Partial<Omit<UserRow, "id" | "createdAt">>): Promise<UserRow | undefined>;
  /** Deletes the user with their sessions; false when there was none. */
  deleteUser(id: string): Promise<boolean>;
  insertSession(row: SessionRow): Promise<void>;
  /** The unexpired session with this token hash, with its user. */
  findSession(tokenHash: string, now: string): Promise<{ session: SessionRow; user: UserRow } | undefined>;
  /** Sets `lastSeenAt` unless a later write is there (one write a minute however many requests). */
  touchSession(id: string, at: string, unlessAfter: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of the user; returns how many. */
  deleteUserSessions(userId: string): Promise<number>;
  /** Drops sessions and tokens that expired before `before`. */
  purgeSessions(before: string): Promise<number>;
  insertUserToken(row: UserTokenRow): Promise<void>;
  findUserToken(tokenHash: string): Promise<UserTokenRow | undefined>;
  /** Marks the token used if it still is not; false when another request used it first. */
  useUserToken(id: string, at: string): Promise<boolean>;
  /** Invites not used and not expired at `now`, oldest first. */
  listOpenInvites(now: string): Promise<UserTokenRow[]>;
  /** Deletes an invite; false when there was none. */
  deleteInvite(id: string): Promise<boolean>;

  insertApiKey(row: ApiKeyRow): Promise<void>;
  findApiKey(hash: string): Promise<ApiKeyRow | undefined>;
  /** Every key, oldest first. */
  listApiKeys(): Promise<ApiKeyRow[]>;
  /** Deletes the key, so it stops working at once; false when there was none with this id. */
  deleteApiKey(id: string): Promise<boolean>;
  /**
   * Sets `lastUsedAt` to `at`, unless it is already later than `unlessAfter` (another request, maybe on another
   * instance, wrote it since): one write per key per interval however many requests use it.
   */
  markApiKeyUsed(id: string, at: string, unlessAfter: string): Promise<void>;
}

/** A database: the operations, transactions, migrations and health. */
export interface Store extends StoreOps {
  /** Which engine, for logs and tests. */
  readonly kind: "sqlite" | "postgres";
  /**
   * Books a seat with its rows in one atomic write: takes the seat if the slot is still as `plan.slot` says, active,
   * not full and starting after `plan.now`, its widget active and its endpoints those of `plan.webhooks`, then writes
   * the booking, the idempotency record and the outbox rows; resolves once that has committed. The slot after the
   * write, or undefined when no seat was taken (nothing written). Throws `UniqueViolationError` (key recorded, email
   * booked) and `StoreUnavailableError` with nothing written. SQLite commits the bookings of one event-loop turn
   * together, PostgreSQL sends one statement.
   */
  bookSeat(plan: SeatBooking): Promise<SlotRow | undefined>;
  /** Runs `fn` in one transaction: all its writes land, or none (also when `fn` throws). */
  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` after every commit in this process that inserted outbox rows, so the worker can deliver them
   * at once instead of at its next poll. Returns the unsubscribe function.
   */
  onOutboxCommitted(listener: () => void): () => void;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Whether this database is Slotbook's: `migrate()` ran on it before (some migrations may still be pending). Creates
   * nothing: a SQLite file that is not there stays missing, a PostgreSQL database or schema that is not there too.
   */
  hasMigrated(): Promise<boolean>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
