/** @module How one attempt of a request reaches the server: the `Transport` contract and its `fetch` implementation. */
import type { NormalizedOptions } from "./options.js";

/** What one attempt sends: an absolute URL, the whole header set, a JSON body if any, and the caller's signal. */
export interface Attempt {
  method: string;
  url: string;
  headers: Headers;
  json?: unknown;
  signal: AbortSignal | undefined;
}

/** How an attempt ended: an answer of any status, or what was thrown when none came. */
export type Outcome = { response: Response; error?: undefined } | { response?: undefined; error: unknown };

/**
 * Sends one attempt. Resolves with whatever answer arrives, whatever its status; rejects when none does: a network
 * error, a timeout (an error named `TimeoutError`), or the caller's abort (the signal's reason). Retries, error
 * answers and contract checks are the HTTP layer's (`http.ts`), the same over every transport.
 */
export type Transport = (attempt: Attempt) => Promise<Response>;

/**
 * Both signals in one; either alone when the other is missing. Both at once (a client-wide `signal` and a call's)
 * need `AbortSignal.any`: Node 20, Safari 17.4, Chrome 116, Firefox 124. The widget never passes two.
 */
export function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/**
 * The transport on the runtime's own `fetch` (or `options.fetch`), with `options.timeout` for each attempt: what the
 * widget sends with, since it carries no HTTP library of its own (the SDK's clients send with ky: ky-transport.ts).
 *
 * @example createHttp(options, fetchTransport(options))
 */
export function fetchTransport(options: NormalizedOptions): Transport {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  return async ({ method, url, headers, json, signal }) => {
    signal?.throwIfAborted();
    // One controller for the caller's abort and the timeout, each with its own reason (no `AbortSignal.any`, which
    // Safari before 17.4 lacks). The limit is on the wait for the answer's head, as with ky: a body still arriving is
    // not cut off.
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forward);
    const timeout =
      options.timeout === false
        ? undefined
        : setTimeout(
            () => controller.abort(new DOMException("The request timed out", "TimeoutError")),
            options.timeout,
          );
    const body = json === undefined ? undefined : JSON.stringify(json);
    if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    try {
      return await send(new Request(url, { method, headers, body, signal: controller.signal }));
    } catch (error) {
      // Some fetches reject with an AbortError whatever the reason: the controller's says which it was.
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener("abort", forward);
    }
  };
}
