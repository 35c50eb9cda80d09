/** @module The SDK's transport: ky, with the client's `fetch` and timeout, each attempt sent once and answered as is. */
import ky from "ky";
import type { NormalizedOptions } from "./options.js";
import type { Transport } from "./transport.js";

/**
 * One ky instance for a client. ky's own retries and HTTP errors are off: the HTTP layer retries every kind of
 * failure by one policy (retry.ts), which ky's leave partly to the caller (timeouts, a `Retry-After` past the limit).
 *
 * @example createHttp(options, kyTransport(options), problemSchema)
 */
export function kyTransport(options: NormalizedOptions): Transport {
  const api = ky.create({
    // ky always calls fetch with a Request, which is all our narrower `fetch` type promises to accept.
    fetch: options.fetch as typeof globalThis.fetch | undefined,
    timeout: options.timeout,
    retry: 0,
    throwHttpErrors: false,
  });
  return ({ method, url, headers, json, signal }) => api(url, { method, headers, json, signal });
}
