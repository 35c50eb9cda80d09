/** @module Turns whatever ky or fetch threw into a `SlotbookError`, leaving the caller's own abort untouched. */
import { HTTPError, TimeoutError } from "ky";
import { errorFromProblem, SlotbookError, titleForCode } from "../errors/slotbook-error.js";
import type { problemSchema } from "../schemas/problem.js";

/** True for the rejection of an aborted fetch or delay (a DOMException in browsers and Node). */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/**
 * The error an SDK call rejects with: a `SlotbookError`, or the abort reason itself when the caller aborted.
 * `problem` parses error answers (see `errorFromProblem`).
 *
 * @example
 * catch (error) { throw await toSlotbookError(error, { method: "GET", url }, signal?.aborted ?? false); }
 */
export async function toSlotbookError(
  error: unknown,
  request: { method: string; url: string },
  aborted: boolean,
  problem?: typeof problemSchema,
): Promise<unknown> {
  // An abort is the caller's decision, not a failure of the server: hand back exactly what they aborted with.
  if (aborted || isAbortError(error) || error instanceof SlotbookError) return error;
  if (error instanceof HTTPError) {
    const url = error.request.url;
    let body: unknown;
    try {
      body = JSON.parse(await error.response.text());
    } catch {
      body = undefined; // not JSON (e.g. a proxy's HTML error page): the status decides the code
    }
    return errorFromProblem(
      error.response.status,
      body,
      error.response.headers,
      { method: request.method, url },
      error,
      problem,
    );
  }
  const code = error instanceof TimeoutError ? "timeout" : "network_error";
  // Anything else fetch rejects with (TypeError for DNS, refused connection, CORS, offline) means no answer came.
  return new SlotbookError({ status: 0, code, title: titleForCode(code), ...request, cause: error });
}
