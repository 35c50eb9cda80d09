/** @module Builds a `Store` from a Kysely instance; the engines differ only in how that instance is made. */
import type { Kysely } from "kysely";
import type { Database } from "./db-schema.js";
import { KyselyOps } from "./ops/index.js";
import { type SeatBooking, type SlotRow, type Store, StoreConflictError, type StoreOps } from "./types.js";

// 4 attempts: a deadlock or serialization failure loses to one other transaction, which then commits; losing
// four times in a row means heavy contention, and the caller is better served by a 503 with Retry-After.
const MAX_ATTEMPTS = 4;
// Up to 10, 20, 40 ms with jitter: long enough for the winner to commit, short next to a request's budget.
const BACKOFF_MS = 10;

/** What an engine supplies: its Kysely instance and how to migrate it. */
export interface KyselyStoreParts {
  kind: Store["kind"];
  db: Kysely<Database>;
  migrate: () => Promise<void>;
  /** See `Store.hasMigrated`. */
  hasMigrated: () => Promise<boolean>;
  /** Throws `StoreUnavailableError` when the database cannot take writes for a reason no statement reports. */
  beforeWrite?: () => void;
  /** The engine's one-step booking (see `Store.bookSeat`). */
  bookSeat: (plan: SeatBooking) => Promise<SlotRow | undefined>;
}

class KyselyStore extends KyselyOps implements Store {
  readonly kind: Store["kind"];
  readonly #migrate: () => Promise<void>;
  readonly #hasMigrated: () => Promise<boolean>;
  readonly #beforeWrite: (() => void) | undefined;
  readonly #bookSeat: KyselyStoreParts["bookSeat"];
  readonly #outboxListeners = new Set<() => void>();

  constructor({ kind, db, migrate, hasMigrated, beforeWrite, bookSeat }: KyselyStoreParts) {
    // Outside a transaction an insert has committed by the time it resolves: tell at once.
    super(db, kind === "postgres", () => this.#outboxCommitted());
    this.kind = kind;
    this.#migrate = migrate;
    this.#hasMigrated = hasMigrated;
    this.#beforeWrite = beforeWrite;
    this.#bookSeat = bookSeat;
  }

  async bookSeat(plan: SeatBooking): Promise<SlotRow | undefined> {
    const slot = await this.#bookSeat(plan);
    if (slot && plan.outbox.length > 0) this.#outboxCommitted();
    return slot;
  }

  async transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    // Kysely rolls back and rethrows when `fn` throws; on SQLite other callers wait for the one connection.
    // A deadlock or serialization failure rolled the whole transaction back, so running `fn` again is safe.
    for (let attempt = 1; ; attempt++) {
      let wroteOutbox = false;
      try {
        const result = await this.db.transaction().execute((trx) =>
          fn(
            new KyselyOps(trx, this.rowLocks, () => {
              wroteOutbox = true;
            }),
          ),
        );
        if (wroteOutbox) this.#outboxCommitted();
        return result;
      } catch (error) {
        if (!(error instanceof StoreConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random())));
      }
    }
  }

  onOutboxCommitted(listener: () => void): () => void {
    this.#outboxListeners.add(listener);
    return () => this.#outboxListeners.delete(listener);
  }

  #outboxCommitted(): void {
    for (const listener of this.#outboxListeners) listener();
  }

  migrate(): Promise<void> {
    return this.#migrate();
  }

  hasMigrated(): Promise<boolean> {
    return this.#hasMigrated();
  }

  async ping(): Promise<void> {
    // A committed write, not `select 1`: a full disk, a read-only file or a standby answers reads but not this.
    await this.#beforeWrite?.();
    await this.db.updateTable("readiness").set({ checked_at: new Date().toISOString() }).where("id", "=", 1).execute();
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** A `Store` whose operations, transactions, ping and close all go through `db`. */
export function createKyselyStore(parts: KyselyStoreParts): Store {
  return new KyselyStore(parts);
}
