/** @module Turns an error answer, or what a transport threw, into a `SlotbookError`; the caller's abort stays as is. */
import { errorFromProblem, SlotbookError, titleForCode } from "../errors/slotbook-error.js";
import type { problemSchema } from "../schemas/problem.js";
import type { Outcome } from "./transport.js";

/** True for the rejection of an aborted fetch or delay (a DOMException in browsers and Node). */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/**
 * The error an SDK call rejects with for how its last attempt ended: a `SlotbookError`, or an abort error as it is.
 * `problem` parses error answers (see `errorFromProblem`).
 *
 * @example
 * catch (error) { throw await toSlotbookError({ error }, { method: "GET", url }, problemSchema); }
 */
export async function toSlotbookError(
  { response, error }: Outcome,
  request: { method: string; url: string },
  problem?: typeof problemSchema,
): Promise<unknown> {
  // An abort is the caller's decision, not a failure of the server: hand back exactly what they aborted with.
  if (isAbortError(error) || error instanceof SlotbookError) return error;
  if (response) {
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined; // not JSON (e.g. a proxy's HTML error page): the status decides the code
    }
    return errorFromProblem(response.status, body, response.headers, request, response, problem);
  }
  // A timeout is named so by ky and by the fetch transport; anything else a fetch rejects with (a TypeError for
  // DNS, a refused connection, CORS, offline) means no answer came.
  const code = (error as { name?: unknown } | null)?.name === "TimeoutError" ? "timeout" : "network_error";
  return new SlotbookError({ status: 0, code, title: titleForCode(code), ...request, cause: error });
}
