/**
 * @module `idempotent()`: runs a write once per `Idempotency-Key`, records its answer in the write's own transaction,
 * and replays that answer (or its refusal) to every later request with the same key and body for 24 hours.
 */
import { ERROR_CODES, type ErrorCode } from "../../sdk/index.js";
import { decrypt, encrypt, hashRequest, requestMatches } from "../crypto/index.js";
import type { IdempotencyRow, StoreOps } from "../store/types.js";
import { UniqueViolationError } from "../store/types.js";
import type { Deps } from "./deps.js";
import { DomainError } from "./domain-error.js";

/** 24 h: how long an Idempotency-Key answer is replayed (the spec's window). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** What an idempotent write came to: its value or its refusal, and whether that is an earlier request's answer. */
export type IdempotentOutcome<T> = { replayed: boolean } & ({ value: T } | { error: DomainError });

/** A key, where it applies (e.g. the widget) and the request it came with, whose hash guards reuse. */
export interface IdempotencyScope {
  scope: string;
  key: string | undefined;
  request: unknown;
}

// 409s answer the request as it stood (the slot was full): the same key must get the same answer later. Other
// refusals (404, 422) are decided before any write and are not stored, so a corrected retry is not stuck with them.
const isStoredRefusal = (error: unknown): error is DomainError =>
  error instanceof DomainError && ERROR_CODES[error.code].status === 409;

// Created 201 and refusals by their code's status: the numbers the stored record has always held.
const CREATED = 201;

/**
 * Runs `work` in a transaction. With a key, the answer is recorded in that same transaction under the key's unique
 * index; a request that races it loses on that index and replays the winner's answer, so one key makes one write.
 * A 409 refusal thrown by `work` is recorded too (after the rollback), and replayed like a success.
 * @example const out = await idempotent(deps, { scope: widget.id, key, request }, (tx) => bookSeat(tx));
 */
export async function idempotent<T>(
  deps: Deps,
  { scope, key, request }: IdempotencyScope,
  work: (tx: StoreOps) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (key === undefined) return attempt(() => deps.store.transaction(work));
  const record = new KeyRecord(deps, scope, key, request);
  try {
    // Two tries: the second only after a record older than 24 h was purged out of the way.
    for (let tries = 0; ; tries++) {
      try {
        const value = await deps.store.transaction(async (tx) => {
          const result = await work(tx);
          await record.write(tx, { value: result });
          return result;
        });
        return { value, replayed: false };
      } catch (error) {
        const lost = error instanceof UniqueViolationError && error.constraint === "idempotency";
        if (lost || isStoredRefusal(error)) {
          // Another request with this key committed first: its answer is ours.
          const earlier = await record.replay<T>();
          if (earlier) return earlier;
        }
        if (isStoredRefusal(error)) return await record.writeRefusal<T>(error);
        if (!lost || tries > 0) throw error;
      }
    }
  } catch (error) {
    // A refusal that depends on state which may have changed since the first request (the widget's form, a slot)
    // must not hide that request's stored answer, or the 422 for reusing its key with another body.
    if (error instanceof DomainError) {
      const earlier = await record.replay<T>();
      if (earlier) return earlier;
    }
    throw error;
  }
}

/**
 * The record `idempotent` would write for a created answer `value`, for a write that records it itself (the booking's
 * one-step path); a request that loses the key's race there goes through `idempotent`, which replays the winner.
 */
export function createdRecord(
  deps: Deps,
  { scope, key, request }: IdempotencyScope & { key: string },
  value: unknown,
  createdAt: string,
): IdempotencyRow {
  return new KeyRecord(deps, scope, key, request).row({ value }, createdAt);
}

async function attempt<T>(run: () => Promise<T>): Promise<IdempotentOutcome<T>> {
  try {
    return { value: await run(), replayed: false };
  } catch (error) {
    if (isStoredRefusal(error)) return { error, replayed: false };
    throw error;
  }
}

/** The stored answer of one key: written in the caller's transaction, read back to replay. */
class KeyRecord {
  readonly #aad: string;
  constructor(
    private readonly deps: Deps,
    private readonly scope: string,
    private readonly key: string,
    private readonly request: unknown,
  ) {
    // The answer is sealed (it holds the manage token), bound to its scope and key.
    this.#aad = `idem:${scope}:${key}`;
  }

  /** The record of `answer`, as `write` stores it (and `Store.bookSeat` takes it). */
  row(answer: { value: unknown } | { error: DomainError }, createdAt: string): IdempotencyRow {
    const [status, body] =
      "value" in answer
        ? [CREATED, answer.value]
        : [ERROR_CODES[answer.error.code].status, { code: answer.error.code, detail: answer.error.detail }];
    return {
      widgetId: this.scope,
      key: this.key,
      requestHash: hashRequest(this.deps.keys, this.request),
      status,
      body: encrypt(this.deps.keys, JSON.stringify(body), this.#aad),
      createdAt,
    };
  }

  async write(tx: StoreOps, answer: { value: unknown } | { error: DomainError }): Promise<void> {
    await tx.insertIdempotency(this.row(answer, this.deps.now().toISOString()));
  }

  /** Records a refusal on its own (its transaction rolled back); if another request recorded first, replays that. */
  async writeRefusal<T>(error: DomainError): Promise<IdempotentOutcome<T>> {
    try {
      await this.write(this.deps.store, { error });
    } catch (err) {
      const winner = err instanceof UniqueViolationError ? await this.replay<T>() : undefined;
      if (winner) return winner;
      throw err;
    }
    return { error, replayed: false };
  }

  /** The earlier answer for this key, if one was stored within 24 h; 422 when it came with another body. */
  async replay<T>(): Promise<IdempotentOutcome<T> | undefined> {
    const row = await this.deps.store.getIdempotency(this.scope, this.key);
    if (!row) return undefined;
    const cutoff = new Date(this.deps.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
    if (row.createdAt < cutoff) {
      await this.deps.store.purgeIdempotency(cutoff);
      return undefined;
    }
    if (!requestMatches(this.deps.keys, this.request, row.requestHash)) {
      throw new DomainError("idempotency_key_reused", "This Idempotency-Key was used with a different body");
    }
    const body = JSON.parse(decrypt(this.deps.keys, row.body, this.#aad));
    if (row.status < 400) return { value: body as T, replayed: true };
    const { code, detail } = body as { code: ErrorCode; detail?: string };
    return { error: new DomainError(code, detail), replayed: true };
  }
}
