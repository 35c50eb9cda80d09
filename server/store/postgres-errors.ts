/** @module Maps node-postgres errors to the store's error classes. */
import { storeUnavailable } from "./store-unavailable.js";
import { StoreConflictError, UniqueViolationError } from "./types.js";

// Socket-level failures while connecting or talking to the server.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);

// SQLSTATE: 08 connection exception, 53 insufficient resources (too many connections, disk full),
// 57P01–57P03 shutdown or not accepting connections, 3D000 no such database, 28 authentication failed,
// 57014 statement_timeout, 55P03 lock_timeout, 25P03 idle_in_transaction_session_timeout, 25006 read-only
// transaction (a standby), 58 system error (I/O).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-3]$|57014$|55P03$|25P03$|25006$|58|3D000$|28)/;

// SQLSTATE 40P01 deadlock_detected, 40001 serialization_failure: the transaction may succeed if run again.
const CONFLICT_SQLSTATE = /^40(P01|001)$/;

// pg and its pool report these without a code.
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|Cannot use a pool after calling end|Client has encountered a connection error|Client was closed|driver has already been destroyed/i;

const CONSTRAINTS: Record<string, UniqueViolationError["constraint"]> = {
  idempotency_pk: "idempotency",
  bookings_confirmed_email_uq: "booking_email",
};

/** The store error for a pg error, or the error itself when it is none of ours. */
export function mapPostgresError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === "23505") {
    return new UniqueViolationError(CONSTRAINTS[String(constraint)] ?? "other", { cause: error });
  }
  if (typeof code === "string" && CONFLICT_SQLSTATE.test(code)) return new StoreConflictError({ cause: error });
  if (isUnavailable(error)) return storeUnavailable(error);
  return error;
}

function isUnavailable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  // Node tries every address of a host name (IPv6 and IPv4) and reports all failures together.
  if (error instanceof AggregateError) return error.errors.some((e) => e instanceof Error && isUnavailable(e));
  return UNAVAILABLE_MESSAGE.test(error.message);
}
