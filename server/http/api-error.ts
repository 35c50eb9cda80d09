/** @module The one error type routes and domain functions throw; `onError` turns it into problem+json. */
import { HTTPException } from "hono/http-exception";
import { ERROR_CODES, type ErrorCode, type Issue } from "../../sdk/index.js";

/** An error with a contract code; its status comes from the code. */
export class ApiError extends HTTPException {
  override name = "ApiError";
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { issues?: Issue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(ERROR_CODES[code].status, { message: detail ?? ERROR_CODES[code].title, cause: options.cause });
    this.code = code;
    this.detail = detail;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}

/** Shorthand for a 422 `validation_failed` with its issues. */
export function validationFailed(issues: Issue[], detail = "Some fields need attention"): ApiError {
  return new ApiError("validation_failed", detail, { issues });
}
