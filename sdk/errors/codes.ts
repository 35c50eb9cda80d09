/** @module The stable error codes of the API, with the HTTP status and title each one answers with. */

/** Every `code` a problem+json answer can carry; clients branch on these. */
export const ERROR_CODES = {
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  origin_not_allowed: { status: 403, title: "Origin not allowed" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  slot_full: { status: 409, title: "Slot is full" },
  slot_unavailable: { status: 409, title: "Slot is unavailable" },
  already_booked: { status: 409, title: "Already booked" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal server error" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;

/** A machine-readable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Base of the `type` URI of every problem document. */
export const ERROR_TYPE_BASE = "https://slotbook.dev/errors/";
