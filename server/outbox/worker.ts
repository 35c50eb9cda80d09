/**
 * @module The outbox worker every server process runs: claims due rows under a lease, delivers them, records the
 * outcome, and retries on the schedule. Delivery is at least once: a process killed mid-delivery leaves its rows
 * leased, and once the lease runs out any worker (this one restarted, or another instance) claims them again.
 */
import type { LogFn } from "../http/request-log.js";
import type { OutboxRow, Store } from "../store/types.js";
import { nextAttemptAt } from "./retry-schedule.js";

/** Delivers one claimed row; throws to have it retried (a `DeliveryError` says more: give up, wait longer, the status). */
// biome-ignore lint/suspicious/noConfusingVoidType: a deliverer with nothing to report is a plain `async () => {}`.
export type Deliver = (row: OutboxRow) => Promise<void | { status?: number }>;

/** A failed attempt with what the worker should know: never retry, the receiver's `Retry-After`, its HTTP status. */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    message: string,
    readonly details: { permanent?: boolean; retryAfterMs?: number; status?: number } = {},
  ) {
    super(message);
  }
}

/** What `createOutboxWorker` takes. */
export interface OutboxWorkerOptions {
  store: Store;
  /** One deliverer per row kind; rows of a kind without one wait (claimed only by workers that have it). */
  deliver: Partial<Record<OutboxRow["kind"], Deliver>>;
  /** The clock, for due times, leases and retries; tests pass a fake one. Default `() => new Date()`. */
  now?: () => Date;
  /** How often to look for due rows when nothing woke the worker; default 1000 ms. */
  pollMs?: number;
  /** How long a claim is held; default 60 s (longer than any send may take: SMTP times out at 30 s). */
  leaseMs?: number;
  /** Rows per claim, delivered concurrently; default 10. */
  batchSize?: number;
  /** Error lines; default none. */
  log?: LogFn;
  /** Whether an error means "never retry" (a 5xx SMTP reply, a 410); default: none does. */
  isPermanent?: (error: unknown) => boolean;
}

/** A running (or startable) worker. */
export interface OutboxWorker {
  /** Polls every `pollMs` and whenever the store commits new outbox rows. */
  start(): void;
  /** Look for due rows now (coalesced with a pass already running). */
  wake(): void;
  /** One pass: claims and delivers due rows until none are left; how many were attempted. Tests call it. */
  runOnce(): Promise<number>;
  /** Stops claiming, and resolves once the rows it holds are delivered and settled. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A worker on `store`.
 * @example const worker = createOutboxWorker({ store, deliver: { email: deliverEmail } }); worker.start();
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, deliver } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;
  const log = options.log ?? (() => {});
  const isPermanent = options.isPermanent ?? (() => false);

  let stopped = false;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<number> | undefined;
  let again = false;
  let unsubscribe: (() => void) | undefined;

  async function attempt(row: OutboxRow, leaseUntil: string): Promise<void> {
    const send = deliver[row.kind];
    let outcome: Parameters<Store["settleOutbox"]>[2];
    try {
      if (!send) throw new Error(`No deliverer for ${row.kind} rows in this process`);
      const sent = await send(row);
      outcome = sent?.status === undefined ? { status: "delivered" } : { status: "delivered", lastStatus: sent.status };
    } catch (error) {
      const lastError = String((error as Error)?.message ?? error).slice(0, 1000);
      const details = error instanceof DeliveryError ? error.details : {};
      const permanent = details.permanent === true || isPermanent(error);
      const retryAt = permanent ? undefined : nextAttemptAt(row.attempts, now(), details.retryAfterMs);
      const lastStatus = details.status === undefined ? {} : { lastStatus: details.status };
      outcome = retryAt
        ? { status: "pending", dueAt: retryAt.toISOString(), lastError, ...lastStatus }
        : { status: "failed", lastError, ...lastStatus };
      log({
        level: "warn",
        msg: "outbox delivery failed",
        id: row.id,
        kind: row.kind,
        attempts: row.attempts,
        error: lastError,
        next: retryAt?.toISOString() ?? "given up",
      });
    }
    await store.settleOutbox(row.id, leaseUntil, outcome, now().toISOString());
  }

  async function drain(): Promise<number> {
    let total = 0;
    // After stop() nothing new is claimed; what was claimed before is delivered by the loop body in flight.
    while (!stopped) {
      const at = now();
      const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
      const rows = await store.claimOutbox(at.toISOString(), leaseUntil, batchSize);
      await Promise.all(rows.map((row) => attempt(row, leaseUntil)));
      total += rows.length;
      if (rows.length < batchSize) break;
    }
    return total;
  }

  function runOnce(): Promise<number> {
    if (pass) {
      again = true;
      return pass;
    }
    pass = drain().finally(() => {
      pass = undefined;
      if (again && !stopped) {
        again = false;
        void runOnce().catch(onError);
      } else schedule();
    });
    return pass;
  }

  function onError(error: unknown): void {
    // The database may be down for a while: log and keep polling, the rows wait in the outbox.
    log({ level: "error", msg: "outbox pass failed", error: String(error) });
  }

  function schedule(): void {
    if (!started || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runOnce().catch(onError), pollMs);
    timer.unref();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      unsubscribe = store.onOutboxCommitted(() => this.wake());
      this.wake();
    },
    wake() {
      if (!stopped) void runOnce().catch(onError);
    },
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await pass?.catch(() => {});
    },
  };
}
