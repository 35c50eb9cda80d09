/** @module The one error the domain throws: a contract code and what to tell the caller; no HTTP in sight. */
import type { ErrorCode, Issue } from "../../sdk/index.js";

/**
 * A refusal with a contract error code. The HTTP status, the problem+json document and headers such as
 * `WWW-Authenticate` or `Retry-After` are derived from it in one place, the app's error handler.
 * @example throw new DomainError("slot_full", "Every seat in this slot is taken");
 */
export class DomainError extends Error {
  override name = "DomainError";
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly issues: Issue[] | undefined;
  /** Seconds after which trying again may succeed (rate limits). */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { issues?: Issue[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(detail ?? code, { cause: options.cause });
    this.code = code;
    this.detail = detail;
    this.issues = options.issues;
    this.retryAfter = options.retryAfter;
  }
}

/** Shorthand for `validation_failed` with its issues. */
export function validationFailed(issues: Issue[], detail = "Some fields need attention"): DomainError {
  return new DomainError("validation_failed", detail, { issues });
}
