/** @module The one way to build a `StoreUnavailableError`: a generic message, the driver's error kept as `cause`. */
import { StoreUnavailableError } from "./types.js";

// Generic on purpose: this message may reach a client, and driver messages can carry SQL, hosts or file paths.
const MESSAGE = "The database is unavailable";

/** A `StoreUnavailableError` wrapping `cause`. */
export function storeUnavailable(cause: unknown): StoreUnavailableError {
  return new StoreUnavailableError(MESSAGE, { cause });
}
