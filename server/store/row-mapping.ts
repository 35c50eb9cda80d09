/** @module Rows (camelCase) to columns (snake_case) and back: select lists with aliases and one key converter. */

/** `startsAt` → `starts_at`, at the type level. */
type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;

/** A row type with its keys in column case; `SnakeKeys<SlotRow>` is `SlotsTable`. */
export type SnakeKeys<T> = { [K in keyof T as Snake<K & string>]: T[K] };

// The alias lists make the database hand back finished rows, so reads need no per-row mapping.
export const WIDGET_COLUMNS = ["id", "status", "config", "created_at as createdAt", "updated_at as updatedAt"] as const;

export const SLOT_COLUMNS = [
  "id",
  "widget_id as widgetId",
  "starts_at as startsAt",
  "ends_at as endsAt",
  "capacity",
  "booked",
  "label",
  "status",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export const BOOKING_COLUMNS = [
  "id",
  "widget_id as widgetId",
  "slot_id as slotId",
  "status",
  "email_index as emailIndex",
  "pii",
  "token_hash as tokenHash",
  "created_at as createdAt",
  "updated_at as updatedAt",
  "cancelled_at as cancelledAt",
  "cancel_reason as cancelReason",
  "erased_at as erasedAt",
  "source",
  "attendance",
] as const;

export const USER_COLUMNS = [
  "id",
  "email",
  "name",
  "role",
  "password_hash as passwordHash",
  "created_at as createdAt",
  "updated_at as updatedAt",
  "last_sign_in_at as lastSignInAt",
] as const;

export const SESSION_COLUMNS = [
  "id",
  "user_id as userId",
  "token_hash as tokenHash",
  "created_at as createdAt",
  "expires_at as expiresAt",
  "last_seen_at as lastSeenAt",
] as const;

export const USER_TOKEN_COLUMNS = [
  "id",
  "kind",
  "token_hash as tokenHash",
  "email",
  "role",
  "created_at as createdAt",
  "expires_at as expiresAt",
  "used_at as usedAt",
] as const;

export const IDEMPOTENCY_COLUMNS = [
  "widget_id as widgetId",
  "key",
  "request_hash as requestHash",
  "status",
  "body",
  "created_at as createdAt",
] as const;

export const API_KEY_COLUMNS = [
  "id",
  "hash",
  "label",
  "created_at as createdAt",
  "last_used_at as lastUsedAt",
] as const;

export const OUTBOX_COLUMNS = [
  "id",
  "kind",
  "event",
  "booking_id as bookingId",
  "widget_id as widgetId",
  "target",
  "payload",
  "sealed",
  "due_at as dueAt",
  "status",
  "attempts",
  "lease_until as leaseUntil",
  "last_error as lastError",
  "event_id as eventId",
  "last_status as lastStatus",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export const WEBHOOK_COLUMNS = [
  "id",
  "url",
  "events",
  "widget_id as widgetId",
  "include_personal_data as includePersonalData",
  "description",
  "status",
  "disabled_reason as disabledReason",
  "secret",
  "previous_secret as previousSecret",
  "previous_secret_expires_at as previousSecretExpiresAt",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

const snakeCache = new Map<string, string>();

/** The column name of a row field (`widgetId` → `widget_id`). */
function snake(key: string): string {
  let name = snakeCache.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(key, name);
  }
  return name;
}

/** A row or patch with column names as keys; `undefined` fields are left out so a patch writes only what it names. */
export function toColumns<T extends object>(row: T): SnakeKeys<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== undefined) out[snake(key)] = value;
  }
  return out as SnakeKeys<T>;
}
