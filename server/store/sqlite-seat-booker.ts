/**
 * @module `Store.bookSeat` on SQLite with group commit: the bookings that arrive in one event-loop turn share one
 * transaction, each in its own savepoint, on statements prepared once; every answer waits for the group's COMMIT.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "./db-schema.js";
import { mapSqliteError } from "./sqlite-errors.js";
import { storeUnavailable } from "./store-unavailable.js";
import { type SeatBooking, type SlotRow, StoreUnavailableError } from "./types.js";

// The seat, if the slot is as the rows were built for, bookable, and its widget and endpoints unchanged. The same
// conditions as `takeSeat`, plus the ones that make the prepared rows still right.
const TAKE_SEAT = `update slots set booked = booked + 1, updated_at = @now
  where id = @slotId and widget_id = @widgetId and status = 'active' and booked < capacity and starts_at > @now
    and starts_at = @startsAt and ends_at = @endsAt
    and exists (select 1 from widgets where id = @widgetId and status = 'active')
    and (select coalesce(group_concat(id || ':' || events || ':' || include_personal_data, ',' order by id), '')
         from webhooks where status = 'active' and (widget_id is null or widget_id = @widgetId)) = @webhooks
  returning id, widget_id as widgetId, starts_at as startsAt, ends_at as endsAt, capacity, booked, label, status,
    created_at as createdAt, updated_at as updatedAt`;
const INSERT_BOOKING = `insert into bookings (id, widget_id, slot_id, status, email_index, pii, token_hash, created_at,
    updated_at, cancelled_at, cancel_reason, erased_at, source, attendance)
  values (@id, @widgetId, @slotId, @status, @emailIndex, @pii, @tokenHash, @createdAt, @updatedAt, @cancelledAt,
    @cancelReason, @erasedAt, @source, @attendance)`;
const INSERT_IDEMPOTENCY = `insert into idempotency (widget_id, key, request_hash, status, body, created_at)
  values (@widgetId, @key, @requestHash, @status, @body, @createdAt)`;
const INSERT_OUTBOX = `insert into outbox (id, kind, event, booking_id, widget_id, target, payload, sealed, due_at,
    status, attempts, lease_until, last_error, event_id, last_status, created_at, updated_at)
  values (@id, @kind, @event, @bookingId, @widgetId, @target, @payload, @sealed, @dueAt, @status, @attempts,
    @leaseUntil, @lastError, @eventId, @lastStatus, @createdAt, @updatedAt)`;

interface Statements {
  begin: BetterSqlite3.Statement;
  commit: BetterSqlite3.Statement;
  rollback: BetterSqlite3.Statement;
  savepoint: BetterSqlite3.Statement;
  release: BetterSqlite3.Statement;
  rollbackTo: BetterSqlite3.Statement;
  takeSeat: BetterSqlite3.Statement;
  insertBooking: BetterSqlite3.Statement;
  insertIdempotency: BetterSqlite3.Statement;
  insertOutbox: BetterSqlite3.Statement;
}

function prepare(db: BetterSqlite3.Database): Statements {
  return {
    // IMMEDIATE, like every write transaction of the store: writers of other processes queue at BEGIN.
    begin: db.prepare("begin immediate"),
    commit: db.prepare("commit"),
    rollback: db.prepare("rollback"),
    savepoint: db.prepare("savepoint booking"),
    release: db.prepare("release booking"),
    rollbackTo: db.prepare("rollback to booking"),
    takeSeat: db.prepare(TAKE_SEAT),
    insertBooking: db.prepare(INSERT_BOOKING),
    insertIdempotency: db.prepare(INSERT_IDEMPOTENCY),
    insertOutbox: db.prepare(INSERT_OUTBOX),
  };
}

interface Waiting {
  plan: SeatBooking;
  resolve: (slot: SlotRow | undefined) => void;
  reject: (error: unknown) => void;
}

/** What the booker needs of the store: its Kysely instance (whose one connection it borrows) and the raw handle. */
export interface SqliteSeatBookerParts {
  db: Kysely<Database>;
  /** The open better-sqlite3 handle; called once the Kysely connection is held (so the file is open). */
  handle: () => BetterSqlite3.Database;
  /** The store's check before any write transaction (throws `StoreUnavailableError`). */
  beforeWrite: () => void;
}

/**
 * A `bookSeat` for SQLite. It borrows Kysely's single connection for the group, so no Kysely transaction is open
 * meanwhile, and runs the whole group synchronously: nothing else can interleave between BEGIN and COMMIT.
 * One booking's refusal (a unique key, a constraint) rolls back its savepoint only; a failure of the database itself
 * (disk full, I/O, a failed COMMIT) fails every booking of the group with `StoreUnavailableError`, nothing written.
 */
export function sqliteSeatBooker({ db, handle, beforeWrite }: SqliteSeatBookerParts) {
  let queue: Waiting[] = [];
  let scheduled = false;
  let prepared: { db: BetterSqlite3.Database; statements: Statements } | undefined;

  const statementsOf = (raw: BetterSqlite3.Database) => {
    if (prepared?.db !== raw) prepared = { db: raw, statements: prepare(raw) };
    return prepared.statements;
  };

  const flush = async () => {
    try {
      await db.connection().execute(async () => {
        // Taken once the connection is ours, so the group holds everything that queued while it was busy.
        const group = queue;
        queue = [];
        scheduled = false;
        runGroup(handle(), group);
      });
    } catch (error) {
      // The connection could not be had (the file did not open): nothing was written for anyone waiting.
      const group = queue;
      queue = [];
      scheduled = false;
      for (const waiting of group) waiting.reject(error);
    }
  };

  const runGroup = (raw: BetterSqlite3.Database, group: Waiting[]) => {
    const fail = (error: unknown) => {
      const unavailable = toUnavailable(error);
      for (const waiting of group) waiting.reject(unavailable);
    };
    let s: Statements;
    try {
      beforeWrite();
      s = statementsOf(raw);
      s.begin.run();
    } catch (error) {
      return fail(error);
    }
    const outcomes: Array<{ slot: SlotRow | undefined } | { error: unknown }> = [];
    for (const { plan } of group) {
      try {
        s.savepoint.run();
      } catch (error) {
        return abort(raw, s, error, fail);
      }
      try {
        outcomes.push({ slot: write(s, plan) });
        s.release.run();
      } catch (raised) {
        const error = mapSqliteError(raised);
        // The database itself failed (or SQLite ended the transaction): nobody's booking may stand.
        if (error instanceof StoreUnavailableError || !raw.inTransaction) return abort(raw, s, error, fail);
        try {
          s.rollbackTo.run();
          s.release.run();
        } catch (again) {
          return abort(raw, s, again, fail);
        }
        outcomes.push({ error });
      }
    }
    try {
      s.commit.run();
    } catch (error) {
      return abort(raw, s, error, fail);
    }
    group.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if ("error" in outcome) waiting.reject(outcome.error);
      else waiting.resolve(outcome.slot);
    });
  };

  return (plan: SeatBooking): Promise<SlotRow | undefined> =>
    new Promise((resolve, reject) => {
      queue.push({ plan, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After this turn's I/O callbacks: every booking whose request was read in this turn joins the group.
        setImmediate(flush);
      }
    });
}

/** One booking inside its savepoint: the seat, then its rows; undefined when no seat was taken. */
function write(s: Statements, plan: SeatBooking): SlotRow | undefined {
  const slot = s.takeSeat.get({
    now: plan.now,
    slotId: plan.slot.id,
    widgetId: plan.slot.widgetId,
    startsAt: plan.slot.startsAt,
    endsAt: plan.slot.endsAt,
    webhooks: plan.webhooks,
  }) as SlotRow | undefined;
  if (slot === undefined) return undefined;
  s.insertBooking.run(plan.booking);
  if (plan.idempotency) s.insertIdempotency.run(plan.idempotency);
  for (const row of plan.outbox) s.insertOutbox.run(row);
  return slot;
}

function abort(raw: BetterSqlite3.Database, s: Statements, error: unknown, fail: (error: unknown) => void): void {
  try {
    if (raw.inTransaction) s.rollback.run();
  } catch {
    // The store's next write transaction ends one still open (see `beforeWrite`).
  }
  fail(error);
}

/** Any failure of the group as the 503 it is: whatever the cause, none of its bookings was written. */
function toUnavailable(error: unknown): StoreUnavailableError {
  const mapped = mapSqliteError(error);
  return mapped instanceof StoreUnavailableError ? mapped : storeUnavailable(error);
}
