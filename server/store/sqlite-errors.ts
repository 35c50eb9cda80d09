/** @module Maps better-sqlite3 errors to the store's error classes. */
import { storeUnavailable } from "./store-unavailable.js";
import { UniqueViolationError } from "./types.js";

// Result codes that mean "the database cannot serve us right now" rather than "this statement is wrong":
// busy past busy_timeout, locked, I/O, disk full, read-only, corrupt or not a database, cannot open.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CORRUPT|NOTADB|CANTOPEN|PERM|NOMEM)/;

/** The store error for a better-sqlite3 error, or the error itself when it is none of ours. */
export function mapSqliteError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new UniqueViolationError(constraintOf(error.message), { cause: error });
  }
  if (typeof code === "string" && UNAVAILABLE.test(code)) return storeUnavailable(error);
  // better-sqlite3 throws a plain TypeError once the handle is closed.
  if (error instanceof TypeError && error.message.includes("connection is not open")) return storeUnavailable(error);
  return error;
}

// SQLite names the columns, not the index: "UNIQUE constraint failed: bookings.slot_id, bookings.email_index".
function constraintOf(message: string): UniqueViolationError["constraint"] {
  if (message.includes("idempotency.")) return "idempotency";
  if (message.includes("bookings.email_index")) return "booking_email";
  return "other";
}
