/** @module How one attempt of a request reaches the server: the `Transport` contract and its `fetch` implementation. */
import type { NormalizedOptions } from "./options.js";

/** What one attempt sends: an absolute URL, the whole header set, a JSON body if any, and the caller's signal. */
export interface Attempt {
  method: string;
  url: string;
  headers: Record<string, string>;
  json?: unknown;
  signal: AbortSignal | undefined;
}

/**
 * Sends one attempt. Resolves with whatever answer arrives, whatever its status; rejects when none does: a network
 * error, a timeout (an error named `TimeoutError`), or the caller's abort (the signal's reason). Retries, error
 * answers and contract checks are the HTTP layer's (`http.ts`), the same over every transport.
 */
export type Transport = (attempt: Attempt) => Promise<Response>;

/** Both signals in one; either alone when the other is missing. */
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
    const timeout = options.timeout === false ? undefined : AbortSignal.timeout(options.timeout);
    const body = json === undefined ? undefined : JSON.stringify(json);
    const request = new Request(url, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body,
      signal: anySignal(signal, timeout),
    });
    try {
      return await send(request);
    } catch (error) {
      // Some fetches reject with an AbortError whatever the reason: the timer's firing is a timeout all the same.
      throw timeout?.aborted && !signal?.aborted ? timeout.reason : error;
    }
  };
}
