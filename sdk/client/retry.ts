/** @module The retry policy of every SDK call: what is tried again, after how long, and when to give up. */
import { parseRetryAfter } from "../errors/slotbook-error.js";
import type { RetryOptions } from "./options.js";
import { isAbortError } from "./to-slotbook-error.js";
import type { Outcome } from "./transport.js";

// Not 413: a body too large stays too large. 408 and 5xx are the server's or a proxy's passing trouble.
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
// The statuses whose Retry-After the server means: rate limiting and maintenance.
const RETRY_AFTER_STATUS_CODES = [429, 503];

/**
 * Milliseconds to wait before retry number `attempt` after `outcome` (an error answer, or what the transport threw
 * when no answer came), or undefined when it must not be retried.
 * Network errors and timeouts (a slow phone network is exactly what a retry is for) wait `delay(attempt)`; a 429 or
 * 503 waits its `Retry-After`, and one longer than `maxRetryAfter` is the caller's to schedule, so it is not retried.
 *
 * @example retryWait({ response: new Response(null, { status: 503 }) }, 1, policy) // policy.delay(1)
 */
export function retryWait(outcome: Outcome, attempt: number, policy: Required<RetryOptions>): number | undefined {
  if (attempt > policy.limit || isAbortError(outcome.error)) return undefined;
  if (!outcome.response) return policy.delay(attempt);
  const { status, headers } = outcome.response;
  if (!RETRY_STATUS_CODES.includes(status)) return undefined;
  const after = RETRY_AFTER_STATUS_CODES.includes(status) ? parseRetryAfter(headers.get("retry-after")) : undefined;
  if (after === undefined) return policy.delay(attempt);
  return after * 1000 > policy.maxRetryAfter ? undefined : after * 1000;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener("abort", abort, { once: true });
  });
}
