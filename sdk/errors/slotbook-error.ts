/** @module `SlotbookError`: every failure of an SDK call, as data a caller can branch on. */

import type { Issue, Problem, problemSchema } from "../schemas/problem.js";
import { ERROR_CODES, type ErrorCode } from "./codes.js";

/** Failures the client detects itself, with no problem document from the server. */
export const CLIENT_ERROR_CODES = {
  network_error: { title: "Network error" },
  timeout: { title: "Request timed out" },
  invalid_response: { title: "Invalid response from the server" },
} as const;

/** A failure the client detects itself. */
export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

/** Every `code` a `SlotbookError` can carry: the server's codes plus the client's own. */
export type SlotbookErrorCode = ErrorCode | ClientErrorCode;

/** What a `SlotbookError` is made of. */
export interface SlotbookErrorInit {
  /** HTTP status; 0 when no answer arrived (network error, timeout). */
  status: number;
  code: SlotbookErrorCode;
  title: string;
  detail?: string | undefined;
  issues?: Issue[] | undefined;
  /** Seconds the server asked the client to wait (`Retry-After`). */
  retryAfter?: number | undefined;
  requestId?: string | undefined;
  method: string;
  url: string;
  cause?: unknown;
}

/**
 * An SDK call that failed: a problem+json answer, a network error, a timeout or a broken answer.
 *
 * @example
 * try { await client.bookings.create(widgetId, request); }
 * catch (error) { if (error instanceof SlotbookError && error.code === "slot_full") showFull(); }
 */
export class SlotbookError extends Error {
  // `declare`: the constructor sets each field; a class field would also be emitted as a declaration of its own.
  override name = "SlotbookError";
  declare readonly status: number;
  declare readonly code: SlotbookErrorCode;
  declare readonly title: string;
  declare readonly detail: string | undefined;
  declare readonly issues: Issue[];
  declare readonly retryAfter: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly method: string;
  declare readonly url: string;

  constructor(init: SlotbookErrorInit) {
    // The query is left out of the message because it may hold an email (admin booking search) and messages get logged.
    const where = `${init.method.toUpperCase()} ${init.url.split("?")[0]}`;
    const status = init.status ? `${init.status} ` : "";
    super(`${init.title} (${status}${init.code}): ${where}`, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
    this.method = init.method.toUpperCase();
    this.url = init.url;
  }
}

/** The error for a 2xx answer that breaks the API contract (not JSON, wrong shape, wrong content type). */
export function invalidResponse(
  status: number,
  request: { method: string; url: string },
  detail: string,
  cause?: unknown,
  issues?: Issue[],
): SlotbookError {
  return new SlotbookError({
    status,
    code: "invalid_response",
    title: titleForCode("invalid_response"),
    detail,
    issues,
    ...request,
    cause,
  });
}

/** The code to use when an error answer carries no valid problem document (e.g. a proxy's HTML page). */
export function codeForStatus(status: number): SlotbookErrorCode {
  if (status === 408) return "timeout";
  // A proxy answers 502/504 when it cannot reach the server: for the caller that is "try again later".
  if (status === 502 || status === 504) return "unavailable";
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (ERROR_CODES[code].status === status) return code;
  }
  return status >= 500 ? "internal_error" : "bad_request";
}

/** The title that goes with a code. */
export function titleForCode(code: SlotbookErrorCode): string {
  return code in ERROR_CODES ? ERROR_CODES[code as ErrorCode].title : CLIENT_ERROR_CODES[code as ClientErrorCode].title;
}

/**
 * Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 *
 * @example
 * parseRetryAfter("120"); // 120
 * parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT"); // seconds until then, at least 0
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Only a date with a weekday or month name: Date.parse also accepts things like "5.5".
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The error for an HTTP error answer: its problem+json body when valid, else a code guessed from the status. With
 * `schema`, valid means the schema parses it; without (a client that trusts its server), that it names a known code.
 *
 * @example
 * errorFromProblem(409, await response.json(), response.headers, { method: "POST", url }, undefined, problemSchema);
 */
export function errorFromProblem(
  status: number,
  body: unknown,
  headers: Headers,
  request: { method: string; url: string },
  cause?: unknown,
  schema?: typeof problemSchema,
): SlotbookError {
  const problem = schema ? schema.safeParse(body).data : namesKnownCode(body) ? (body as Problem) : undefined;
  const common = {
    status,
    retryAfter: parseRetryAfter(headers.get("retry-after")),
    requestId: problem?.requestId ?? headers.get("x-request-id") ?? undefined,
    ...request,
    cause,
  };
  if (problem) {
    const { code, title, detail, issues } = problem;
    // Unparsed, a field of the wrong type is left out rather than trusted (parsed ones always pass these checks).
    return new SlotbookError({
      ...common,
      code,
      title: typeof title === "string" ? title : titleForCode(code),
      detail: typeof detail === "string" ? detail : undefined,
      issues: Array.isArray(issues) ? issues : undefined,
    });
  }
  const code = codeForStatus(status);
  return new SlotbookError({ ...common, code, title: titleForCode(code) });
}

function namesKnownCode(body: unknown): boolean {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}
