/** @module The HTTP layer both clients share: one ky instance, the retry policy, and contract checks on answers. */
import ky, { HTTPError } from "ky";
import type * as z from "zod/mini";
import { invalidResponse, parseRetryAfter } from "../errors/slotbook-error.js";
import { type Issue, toIssues } from "../schemas/problem.js";
import type { NormalizedOptions } from "./options.js";
import { isAbortError, toSlotbookError } from "./to-slotbook-error.js";

/** Options every SDK call accepts. */
export interface CallOptions {
  /** Aborts the call; it then rejects with the signal's reason (an `AbortError`), not a `SlotbookError`. */
  signal?: AbortSignal | undefined;
}

/** Query parameters; `undefined` values are left out. */
export type SearchParams = Record<string, string | number | boolean | undefined>;

/** What one request sends besides its method and path. */
export interface SendOptions extends CallOptions {
  json?: unknown;
  searchParams?: SearchParams | undefined;
  headers?: Record<string, string> | undefined;
}

/** The requests a client can make; paths are relative to `{baseUrl}/v1/` and have no leading slash. */
export interface Http {
  /** The absolute URL of a path, as the server sees it. */
  url(path: string, searchParams?: SearchParams): string;
  /** Sends a request and resolves its 2xx response; every failure rejects with a `SlotbookError`. */
  send(method: Method, path: string, options?: SendOptions): Promise<Response>;
  /** The body of a response as text; a broken connection rejects with a `SlotbookError`. */
  text(response: Response, method: Method, path: string, options?: SendOptions): Promise<string>;
  /** The JSON body of a 2xx response parsed with `schema`; a broken answer rejects with `invalid_response`. */
  parse<S extends z.ZodMiniType>(
    schema: S,
    response: Response,
    method: Method,
    path: string,
    options?: SendOptions,
  ): Promise<z.output<S>>;
  /** Sends a request and resolves its JSON body parsed with `schema`. */
  request<S extends z.ZodMiniType>(
    schema: S,
    method: Method,
    path: string,
    options?: SendOptions,
  ): Promise<z.output<S>>;
}

/** The HTTP methods the API uses. */
export type Method = "GET" | "POST" | "PATCH" | "DELETE";

// ky's idempotent methods; POST joins them per request, only when it carries an Idempotency-Key.
const RETRY_METHODS = ["get", "put", "head", "delete", "options", "trace"];
// Not 413 (ky's default list has it): a body too large stays too large.
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
// The statuses whose Retry-After the server means: rate limiting and maintenance.
const RETRY_AFTER_STATUS_CODES = [429, 503];

function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

function hasIdempotencyKey(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === "idempotency-key");
}

/**
 * Builds the HTTP layer for normalised options: `{baseUrl}/v1` as prefix, retries, and error conversion.
 *
 * @example
 * const http = createHttp(normalizeOptions({ baseUrl: "https://book.example.com" }));
 * const widget = await http.request(publicWidgetSchema, "GET", "widgets/wgt_demo");
 */
export function createHttp(options: NormalizedOptions): Http {
  const prefixUrl = `${options.baseUrl}/v1`;
  const api = ky.create({
    prefixUrl,
    // ky always calls fetch with a Request, which is all our narrower `fetch` type promises to accept.
    fetch: options.fetch as typeof globalThis.fetch | undefined,
    timeout: options.timeout,
    headers: { accept: "application/json, application/problem+json", ...options.headers },
  });

  function url(path: string, searchParams: SearchParams = {}): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) if (value !== undefined) query.set(key, String(value));
    const search = query.toString();
    return `${prefixUrl}/${path}${search ? `?${search}` : ""}`;
  }

  async function send(method: Method, path: string, call: SendOptions = {}): Promise<Response> {
    const signal = anySignal(options.signal, call.signal);
    const { limit, delay, maxRetryAfter } = options.retry;
    const where = { method, url: url(path, call.searchParams) };
    try {
      return await api(path, {
        method,
        json: call.json,
        searchParams: call.searchParams,
        headers: call.headers ?? {}, // `undefined` would drop the instance headers in ky's merge
        signal,
        retry: {
          limit,
          delay,
          maxRetryAfter,
          // A POST is only safe to repeat when the server can recognise the repeat by its key.
          methods: method === "POST" && hasIdempotencyKey(call.headers) ? [...RETRY_METHODS, "post"] : RETRY_METHODS,
          statusCodes: RETRY_STATUS_CODES,
          // ky leaves timeouts alone by default; a slow phone network is exactly what the retry (and, for a
          // booking, the Idempotency-Key) is for. Only for the methods above, so a POST without a key is never repeated.
          retryOnTimeout: true,
          afterStatusCodes: RETRY_AFTER_STATUS_CODES,
          shouldRetry: ({ error }) => {
            if (signal?.aborted || isAbortError(error)) return false;
            // A wait longer than the caller allows is theirs to schedule: give the error (with retryAfter) back now.
            const after = error instanceof HTTPError ? parseRetryAfter(error.response.headers.get("retry-after")) : 0;
            return after !== undefined && after * 1000 > maxRetryAfter ? false : undefined;
          },
        },
      });
    } catch (error) {
      throw await toSlotbookError(error, where, signal?.aborted ?? false);
    }
  }

  async function text(response: Response, method: Method, path: string, call: SendOptions = {}): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      const where = { method, url: response.url || url(path, call.searchParams) };
      throw await toSlotbookError(error, where, anySignal(options.signal, call.signal)?.aborted ?? false);
    }
  }

  async function parse<S extends z.ZodMiniType>(
    schema: S,
    response: Response,
    method: Method,
    path: string,
    call: SendOptions = {},
  ): Promise<z.output<S>> {
    const body = await text(response, method, path, call);
    const where = { method, url: response.url || url(path, call.searchParams) };
    const invalid = (detail: string, cause: unknown, issues?: Issue[]) =>
      invalidResponse(response.status, where, detail, cause, issues);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw invalid("The answer is not JSON", error);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw invalid("The answer does not match the API contract", parsed.error, toIssues(parsed.error.issues));
    }
    return parsed.data as z.output<S>;
  }

  const request: Http["request"] = async (schema, method, path, call) =>
    parse(schema, await send(method, path, call), method, path, call);

  return { url, send, text, parse, request };
}
