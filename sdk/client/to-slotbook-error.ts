/** @module Turns an error answer, or what a transport threw, into a `SlotbookError`; the caller's abort stays as is. */
import { errorFromProblem, SlotbookError, titleForCode } from "../errors/slotbook-error.js";
import type { problemSchema } from "../schemas/problem.js";

/** True for the rejection of an aborted fetch or delay (a DOMException in browsers and Node). */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/**
 * The error an SDK call rejects with for `outcome` (an error answer, or what the transport threw): a `SlotbookError`,
 * or the abort reason itself when the caller aborted.
 * `problem` parses error answers (see `errorFromProblem`).
 *
 * @example
 * catch (error) { throw await toSlotbookError(error, { method: "GET", url }, signal?.aborted ?? false); }
 */
export async function toSlotbookError(
  outcome: unknown,
  request: { method: string; url: string },
  aborted: boolean,
  problem?: typeof problemSchema,
): Promise<unknown> {
  // An abort is the caller's decision, not a failure of the server: hand back exactly what they aborted with.
  if (aborted || isAbortError(outcome) || outcome instanceof SlotbookError) return outcome;
  if (outcome instanceof Response) {
    let body: unknown;
    try {
      body = JSON.parse(await outcome.text());
    } catch {
      body = undefined; // not JSON (e.g. a proxy's HTML error page): the status decides the code
    }
    return errorFromProblem(outcome.status, body, outcome.headers, request, outcome, problem);
  }
  // A timeout is named so by ky and by `AbortSignal.timeout`; anything else a fetch rejects with (a TypeError for
  // DNS, a refused connection, CORS, offline) means no answer came.
  const code = (outcome as { name?: unknown } | null)?.name === "TimeoutError" ? "timeout" : "network_error";
  return new SlotbookError({ status: 0, code, title: titleForCode(code), ...request, cause: outcome });
}
