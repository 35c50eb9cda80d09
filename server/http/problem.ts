/** @module Builds RFC 9457 problem+json responses, and maps every thrown thing to one. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ERROR_CODES, ERROR_TYPE_BASE, type ErrorCode, type Problem } from "../../sdk/index.js";
import { DomainError } from "../domain/domain-error.js";
import { StoreUnavailableError } from "../store/types.js";

/** The problem document for a code. */
export function problemBody(code: ErrorCode, detail?: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = ERROR_CODES[code];
  return { type: ERROR_TYPE_BASE + code, title, status, code, ...(detail ? { detail } : {}), ...extra };
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "unavailable",
};

/**
 * Turns any error into a problem response; unknown errors are logged and answered with no internals.
 * Built through the context, so headers middleware set before the throw (CORS, rate limits) are kept.
 */
export function errorToResponse(err: unknown, c: Context, log: (line: Record<string, unknown>) => void): Response {
  const problemResponse = (problem: Problem, headers: Record<string, string> = {}) => {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    c.header("content-type", "application/problem+json");
    return c.body(JSON.stringify(problem), problem.status as 400);
  };
  const requestId = c.get("requestId") as string | undefined;
  const extra = requestId ? { requestId } : {};
  if (err instanceof DomainError) {
    const issues = err.issues ? { issues: err.issues } : {};
    const headers: Record<string, string> = {};
    // RFC 9110: a 401 names the scheme it wants, unless the layer that refused already said which realm.
    if (err.code === "unauthorized" && !c.res.headers.has("www-authenticate")) headers["www-authenticate"] = "Bearer";
    if (err.retryAfter !== undefined) headers["retry-after"] = String(err.retryAfter);
    return problemResponse(problemBody(err.code, err.detail, { ...issues, ...extra }), headers);
  }
  if (err instanceof StoreUnavailableError) {
    // One line per refused request, so an outage shows in the logs. Only the driver's code and message: never the
    // error object itself, whose fields (query, parameters, detail) can carry personal data.
    const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
    log({
      level: "warn",
      msg: "database unavailable",
      requestId,
      code: typeof cause?.code === "string" ? cause.code : undefined,
      error: typeof cause?.message === "string" ? cause.message : err.message,
    });
    // 5 s: long enough for a database restart to begin answering, short enough for a visitor to wait.
    return problemResponse(problemBody("unavailable", "The database is not answering; try again shortly", extra), {
      "retry-after": "5",
    });
  }
  if (err instanceof HTTPException && CODE_BY_STATUS[err.status]) {
    return problemResponse(problemBody(CODE_BY_STATUS[err.status]!, undefined, extra));
  }
  log({ level: "error", msg: "unhandled error", requestId, error: err instanceof Error ? err.stack : String(err) });
  return problemResponse(problemBody("internal_error", "Something went wrong on our side", extra));
}
