/** @module When a failed delivery is tried again: the spec's schedule, about three days in all, then given up. */

/** The waits after the 1st, 2nd, … failed attempt: ~5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const RETRY_SCHEDULE_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

/**
 * When to try again after `attempts` attempts have failed, or undefined when that was the last one (10 in all).
 * `retryAfterMs` (a receiver's `Retry-After`) is honoured when it asks for longer.
 */
export function nextAttemptAt(attempts: number, now: Date, retryAfterMs = 0): Date | undefined {
  const wait = RETRY_SCHEDULE_MS[attempts - 1];
  if (wait === undefined) return undefined;
  return new Date(now.getTime() + Math.max(wait, retryAfterMs));
}
