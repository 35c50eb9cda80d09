/** @module The tables as Kysely sees them: the rows of `types.ts` with their keys in snake_case, derived, not restated. */
import type { SnakeKeys } from "./row-mapping.js";
import type {
  ApiKeyRow,
  BookingRow,
  IdempotencyRow,
  OutboxRow,
  SessionRow,
  SlotRow,
  UserRow,
  UserTokenRow,
  WebhookRow,
  WidgetRow,
} from "./types.js";

/** `widgets`: one row per embeddable widget. */
export type WidgetsTable = SnakeKeys<WidgetRow>;
/** `slots`: bookable times; `booked` is the seat counter that `takeSeat` guards. */
export type SlotsTable = SnakeKeys<SlotRow>;
/** `bookings`: personal data only as an encrypted envelope and a blind email index. */
export type BookingsTable = SnakeKeys<BookingRow>;
/** `idempotency`: the first answer to an `Idempotency-Key`, keyed by (widget_id, key). */
export type IdempotencyTable = SnakeKeys<IdempotencyRow>;
/** `api_keys`: admin keys, kept only as hashes. */
export type ApiKeysTable = SnakeKeys<ApiKeyRow>;
/** `outbox`: messages and deliveries owed; personal data only in `sealed`. */
export type OutboxTable = SnakeKeys<OutboxRow>;
/** `webhooks`: endpoints, their signing secrets sealed. */
export type WebhooksTable = SnakeKeys<WebhookRow>;

/** `users`: console accounts, passwords as scrypt hashes. */
export type UsersTable = SnakeKeys<UserRow>;
/** `sessions`: console sessions, tokens as hashes. */
export type SessionsTable = SnakeKeys<SessionRow>;
/** `user_tokens`: setup links and invites, tokens as hashes. */
export type UserTokensTable = SnakeKeys<UserTokenRow>;
/** `funnel_daily`: the widget's funnel steps counted per widget, day and UTM source. */
export interface FunnelDailyTable {
  widget_id: string;
  day: string;
  source: string;
  views: number;
  slot_selected: number;
  form_started: number;
}

/** `readiness`: one row that `/readyz` rewrites to prove the database takes writes (no row type: nothing reads it). */
export interface ReadinessTable {
  id: number;
  checked_at: string;
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
  webhooks: WebhooksTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  funnel_daily: FunnelDailyTable;
}
