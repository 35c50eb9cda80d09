/** @module Outbox reads and writes: insert with the change, claim with a lease, settle, drop, and a booking's history. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { OUTBOX_COLUMNS, toColumns } from "../row-mapping.js";
import type { OutboxOutcome, OutboxRow } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;

/** Inserts the rows; nothing for an empty list. */
export async function insertOutbox(db: Db, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto("outbox").values(rows.map(toColumns)).execute();
}

/**
 * Leases up to `limit` due rows. One statement: the inner select picks them, the update takes them. With row locks
 * the select skips rows another worker's claim has locked, and re-checks a row it had to wait for against its new
 * lease, so two workers never leave with one row; SQLite's single writer runs the statement alone.
 */
export function claimOutbox(
  db: Db,
  now: string,
  leaseUntil: string,
  limit: number,
  rowLocks: boolean,
): Promise<OutboxRow[]> {
  const due = db
    .selectFrom("outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("due_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
    .orderBy("due_at")
    .limit(limit);
  return db
    .updateTable("outbox")
    .set((eb) => ({ lease_until: leaseUntil, attempts: eb("attempts", "+", 1), updated_at: now }))
    .where("id", "in", rowLocks ? due.forUpdate().skipLocked() : due)
    .returning(OUTBOX_COLUMNS)
    .execute();
}

/** Writes the attempt's outcome if the row is still pending under this lease; whether it was. */
export async function settleOutbox(
  db: Db,
  id: string,
  leaseUntil: string,
  outcome: OutboxOutcome,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({
      status: outcome.status,
      lease_until: null,
      updated_at: now,
      ...(outcome.status === "pending" ? { due_at: outcome.dueAt } : {}),
      last_error: outcome.status === "delivered" ? null : outcome.lastError,
      last_status: outcome.lastStatus ?? null,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("lease_until", "=", leaseUntil)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Drops a booking's pending reminders, or (erase) its pending personal rows and every row's sealed part. */
export function dropOutbox(db: Db, bookingId: string, scope: "reminders" | "personal", now: string): Promise<number> {
  return atomically(db, async (db) => {
    let pending = db
      .updateTable("outbox")
      .set({ status: "dropped", lease_until: null, sealed: null, updated_at: now })
      .where("booking_id", "=", bookingId)
      .where("status", "=", "pending");
    // An erase drops pending emails (each is personal); a webhook delivery still goes, thin: its `sealed` part is
    // forgotten below, so the receiver is told of the booking without the attendee.
    pending =
      scope === "reminders"
        ? pending.where("event", "=", "reminder")
        : pending.where("sealed", "is not", null).where("kind", "=", "email");
    const dropped = Number((await pending.executeTakeFirst()).numUpdatedRows);
    if (scope === "personal") {
      await db
        .updateTable("outbox")
        .set({ sealed: null, updated_at: now })
        .where("booking_id", "=", bookingId)
        .where("sealed", "is not", null)
        .execute();
    }
    return dropped;
  });
}

/** A booking's rows in the order they were written, each change's by due time (the confirmation, then reminders). */
export function listOutbox(db: Db, bookingId: string): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .select(OUTBOX_COLUMNS)
    .where("booking_id", "=", bookingId)
    .orderBy("created_at")
    .orderBy("due_at")
    .orderBy("id")
    .execute();
}

/** The latest email rows that failed or wait for a retry (newest change first), and how many emails are pending. */
export async function emailTrouble(db: Db, limit: number): Promise<{ rows: OutboxRow[]; pending: number }> {
  const rows = await db
    .selectFrom("outbox")
    .select(OUTBOX_COLUMNS)
    .where("kind", "=", "email")
    .where((eb) =>
      eb.or([eb("status", "=", "failed"), eb.and([eb("status", "=", "pending"), eb("last_error", "is not", null)])]),
    )
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", "email")
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return { rows, pending: Number(count.n) };
}
