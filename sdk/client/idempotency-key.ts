/** @module A fresh `Idempotency-Key` for one booking attempt, in any runtime. */

/**
 * A random UUID v4 to send as `Idempotency-Key`.
 *
 * Built from `crypto.getRandomValues`, which every runtime has: `crypto.randomUUID` exists only in secure contexts,
 * and the widget also runs on plain-http host pages. Each `x` digit of the template gets 4 random bits, the `y`
 * digit 2 (the RFC 9562 variant, 8 to b); the `4` is the version.
 *
 * @example
 * await client.bookings.create(widgetId, request, { idempotencyKey: newIdempotencyKey() });
 */
export function newIdempotencyKey(): string {
  const random = crypto.getRandomValues(new Uint8Array(31));
  let i = 0;
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) =>
    (c === "x" ? random[i++]! & 15 : (random[i++]! & 3) | 8).toString(16),
  );
}
