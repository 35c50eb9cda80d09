/** @module The storage layer's public names: the interface, the two engines and the URL-based picker. */

export {
  checkDatabaseUrl,
  DEFAULT_SQLITE_FILENAME,
  describeDatabase,
  type OpenStoreOptions,
  openStore,
  sqliteFileIn,
} from "./open-store.js";
export { createPostgresStore, type PostgresStoreOptions } from "./postgres-store.js";
export { createSqliteStore, type SqliteStoreOptions } from "./sqlite-store.js";
export {
  type ApiKeyRow,
  type BookingQuery,
  type BookingRow,
  type IdempotencyRow,
  type SeatBooking,
  type SlotRow,
  type Store,
  type StoreOps,
  StoreUnavailableError,
  UniqueViolationError,
  type WidgetRow,
  webhookFingerprint,
} from "./types.js";
