/** @module A fresh `Idempotency-Key` for one booking attempt, in any runtime. */

/**
 * A random UUID v4 to send as `Idempotency-Key`.
 *
 * `crypto.randomUUID` exists only in secure contexts, and the widget also runs on plain-http host pages,
 * so the fallback builds the same UUID from `crypto.getRandomValues`, which every runtime has.
 *
 * @example
 * await client.bookings.create(widgetId, request, { idempotencyKey: newIdempotencyKey() });
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
