/** @module Client options: what a caller may pass, and the one place where defaults are filled in and checked. */

/** How failed calls are retried. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` turns retrying off. Default 2. */
  limit?: number;
  /** Milliseconds to wait before retry number `attempt` (1, 2, …) when the server sends no `Retry-After`. */
  delay?: (attempt: number) => number;
  /** Longest `Retry-After` in milliseconds the client waits out itself; a longer one is handed to the caller. */
  maxRetryAfter?: number;
}

/** Options of `createClient` (and the base of `createAdminClient`'s). */
export interface ClientOptions {
  /** Absolute http(s) URL of the Slotbook server, e.g. `https://book.example.com`; `/v1` is added. */
  baseUrl: string | URL;
  /** A `fetch` to use instead of the global one (tests, proxies, edge runtimes). */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Milliseconds each attempt may take, or `false` for no limit; a timed-out GET, or booking (keyed), is retried. Default 10 000. */
  timeout?: number | false;
  /** Retry limit, or detailed retry options. Default 2 retries with growing delays. */
  retry?: number | RetryOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Aborts every call of this client when it fires. */
  signal?: AbortSignal;
}

/** Options after checking, with every default filled in. */
export interface NormalizedOptions {
  baseUrl: string;
  fetch: ClientOptions["fetch"];
  timeout: number | false;
  retry: Required<RetryOptions>;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

// 10 s: a booking round trip is well under a second; a phone on a bad network still gets there well within this.
const DEFAULT_TIMEOUT = 10_000;
// 2 retries: three attempts ride out a blip without making a visitor wait long for a real outage.
const DEFAULT_RETRY_LIMIT = 2;
// 10 s: as long as a visitor will look at a spinner; a longer Retry-After is the caller's to handle.
const DEFAULT_MAX_RETRY_AFTER = 10_000;
// setTimeout's ceiling (2^31 - 1 ms); ky refuses larger timeouts.
const MAX_TIMEOUT = 2_147_483_647;

/** 300 ms, 600 ms, 1.2 s …, each spread at random over [0, delay) so many widgets don't retry in step. */
function defaultDelay(attempt: number): number {
  return Math.random() * 300 * 2 ** (attempt - 1);
}

// URL.parse would do, but Node 20 and Safari before 18 lack it.
function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isNonNegative(value: unknown, integer: boolean): value is number {
  return typeof value === "number" && value >= 0 && (integer ? Number.isInteger(value) : Number.isFinite(value));
}

/**
 * The options of a client of `baseUrl` (absolute http(s), already checked) with every default: what the widget uses,
 * and what `normalizeOptions` starts from.
 */
export function defaultOptions(baseUrl: string): NormalizedOptions {
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: undefined,
    timeout: DEFAULT_TIMEOUT,
    retry: { limit: DEFAULT_RETRY_LIMIT, delay: defaultDelay, maxRetryAfter: DEFAULT_MAX_RETRY_AFTER },
    headers: {},
    signal: undefined,
  };
}

/** Checks a caller's options and fills in defaults; throws a TypeError naming the first bad option. */
export function normalizeOptions(options: ClientOptions): NormalizedOptions {
  if (typeof options !== "object" || options === null) throw new TypeError("Slotbook: options must be an object");
  const { baseUrl, fetch, retry = {}, headers = {}, signal } = options;
  const url = typeof baseUrl === "string" || baseUrl instanceof URL ? parseUrl(String(baseUrl)) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash) {
    throw new TypeError(`Slotbook: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(String(baseUrl))}`);
  }
  const defaults = defaultOptions(url.href);
  const { timeout = defaults.timeout } = options;
  if (fetch !== undefined && typeof fetch !== "function") throw new TypeError("Slotbook: fetch must be a function");
  if (timeout !== false && !(isNonNegative(timeout, false) && timeout > 0 && timeout <= MAX_TIMEOUT)) {
    throw new TypeError(`Slotbook: timeout must be a positive number of milliseconds up to ${MAX_TIMEOUT}, or false`);
  }
  const retryOptions = typeof retry === "number" ? { limit: retry } : retry;
  if (typeof retryOptions !== "object" || retryOptions === null) {
    throw new TypeError("Slotbook: retry must be a number or an object");
  }
  const {
    limit = defaults.retry.limit,
    delay = defaults.retry.delay,
    maxRetryAfter = defaults.retry.maxRetryAfter,
  } = retryOptions;
  if (!isNonNegative(limit, true)) throw new TypeError("Slotbook: retry limit must be a whole number ≥ 0");
  if (typeof delay !== "function") throw new TypeError("Slotbook: retry.delay must be a function");
  if (!isNonNegative(maxRetryAfter, false)) throw new TypeError("Slotbook: retry.maxRetryAfter must be ≥ 0");
  if (typeof headers !== "object" || headers === null) throw new TypeError("Slotbook: headers must be an object");
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError("Slotbook: signal must be an AbortSignal");
  }
  return { ...defaults, fetch, timeout, retry: { limit, delay, maxRetryAfter }, headers: { ...headers }, signal };
}
