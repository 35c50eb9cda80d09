/** @module The HTTP layer every client shares over any transport: the retry loop, errors, and contract checks. */
import type * as z from "zod/mini";
import { invalidResponse } from "../errors/slotbook-error.js";
import { type Issue, type problemSchema, toIssues } from "../schemas/problem.js";
import type { NormalizedOptions } from "./options.js";
import { retryWait, sleep } from "./retry.js";
import { toSlotbookError } from "./to-slotbook-error.js";
import { anySignal, type Outcome, type Transport } from "./transport.js";

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
  /**
   * The JSON body of a 2xx response parsed with `schema`; a broken answer rejects with `invalid_response`. Without a
   * schema the JSON is trusted as it is (the widget's client: see `createHttp`).
   */
  parse<S extends z.ZodMiniType>(
    schema: S | undefined,
    response: Response,
    method: Method,
    path: string,
    options?: SendOptions,
  ): Promise<z.output<S>>;
  /** Sends a request and resolves its JSON body parsed with `schema`. */
  request<S extends z.ZodMiniType>(
    schema: S | undefined,
    method: Method,
    path: string,
    options?: SendOptions,
  ): Promise<z.output<S>>;
}

/** The HTTP methods the API uses. */
export type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** The query string of `searchParams` without `?`, `undefined` values left out. */
function toQuery(searchParams: SearchParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) if (value !== undefined) query.set(key, String(value));
  return query.toString();
}

/**
 * Builds the HTTP layer for normalised options: `{baseUrl}/v1` as prefix, retries, and error conversion, sending
 * each attempt through `transport`. `problem` is the schema error answers are parsed with; without it (the widget,
 * which its own server serves, so both are always one release) an answer naming a known code is taken as the
 * problem document it says it is.
 *
 * @example
 * const http = createHttp(options, kyTransport(options), problemSchema);
 * const widget = await http.request(publicWidgetSchema, "GET", "widgets/wgt_demo");
 */
export function createHttp(options: NormalizedOptions, transport: Transport, problem?: typeof problemSchema): Http {
  const prefixUrl = `${options.baseUrl}/v1`;

  function url(path: string, searchParams?: SearchParams): string {
    const search = toQuery(searchParams);
    return `${prefixUrl}/${path}${search ? `?${search}` : ""}`;
  }

  async function send(method: Method, path: string, call: SendOptions = {}): Promise<Response> {
    const signal = anySignal(options.signal, call.signal);
    const where = { method, url: url(path, call.searchParams) };
    // One header set for every attempt, so a retried booking carries the same Idempotency-Key; names are matched
    // without regard to case, and the call's own win over the client's.
    const headers = new Headers({ accept: "application/json, application/problem+json" });
    for (const set of [options.headers, call.headers])
      for (const [name, value] of Object.entries(set ?? {})) headers.set(name, value);
    // A POST is only safe to repeat when the server can recognise the repeat by its key; a PATCH never is.
    const repeatable = method === "GET" || method === "DELETE" || headers.has("idempotency-key");
    for (let attempt = 1; ; attempt++) {
      let outcome: Outcome;
      try {
        const response = await transport({ method, url: where.url, headers, json: call.json, signal });
        if (response.ok) return response;
        outcome = { response };
      } catch (error) {
        outcome = { error };
      }
      // The caller's abort wins over whatever the attempt came to.
      signal?.throwIfAborted();
      const wait = repeatable ? retryWait(outcome, attempt, options.retry) : undefined;
      if (wait === undefined) throw await toSlotbookError(outcome, where, problem);
      // A discarded answer's body would otherwise hold its connection open.
      outcome.response?.body?.cancel().catch(() => {});
      await sleep(wait, signal); // an abort meanwhile rejects with the caller's own reason
    }
  }

  async function text(response: Response, method: Method, path: string, call: SendOptions = {}): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      anySignal(options.signal, call.signal)?.throwIfAborted();
      const where = { method, url: response.url || url(path, call.searchParams) };
      throw await toSlotbookError({ error }, where, problem);
    }
  }

  async function parse<S extends z.ZodMiniType>(
    schema: S | undefined,
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
    if (!schema) return json as z.output<S>;
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
