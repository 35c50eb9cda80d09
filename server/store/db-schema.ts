/** @module The tables as Kysely sees them: snake_case columns, the same value types as the rows in `types.ts`. */
import type { BookingRow, OutboxRow, SlotRow, WidgetRow } from "./types.js";

/** `widgets`: one row per embeddable widget. */
export interface WidgetsTable {
  id: string;
  status: WidgetRow["status"];
  config: string;
  created_at: string;
  updated_at: string;
}

/** `slots`: bookable times; `booked` is the seat counter that `takeSeat` guards. */
export interface SlotsTable {
  id: string;
  widget_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
  label: string | null;
  status: SlotRow["status"];
  created_at: string;
  updated_at: string;
}

/** `bookings`: personal data only as an encrypted envelope and a blind email index. */
export interface BookingsTable {
  id: string;
  widget_id: string;
  slot_id: string;
  status: BookingRow["status"];
  email_index: string | null;
  pii: string | null;
  token_hash: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  cancel_reason: BookingRow["cancelReason"];
  erased_at: string | null;
}

/** `idempotency`: the first answer to an `Idempotency-Key`, keyed by (widget_id, key). */
export interface IdempotencyTable {
  widget_id: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  created_at: string;
}

/** `api_keys`: admin keys, kept only as hashes; `label` and `last_used_at` since migration 0003. */
export interface ApiKeysTable {
  id: string;
  hash: string;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
}

/** `readiness`: one row that `/readyz` rewrites to prove the database takes writes. */
export interface ReadinessTable {
  id: number;
  checked_at: string;
}

/** `outbox`: messages and deliveries owed, since migration 0005; personal data only in `sealed`. */
export interface OutboxTable {
  id: string;
  kind: OutboxRow["kind"];
  event: OutboxRow["event"];
  booking_id: string | null;
  widget_id: string | null;
  target: string;
  payload: string | null;
  sealed: string | null;
  due_at: string;
  status: OutboxRow["status"];
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Every table, for `Kysely<Database>`. */
export interface Database {
  widgets: WidgetsTable;
  slots: SlotsTable;
  bookings: BookingsTable;
  idempotency: IdempotencyTable;
  api_keys: ApiKeysTable;
  readiness: ReadinessTable;
  outbox: OutboxTable;
}
