/** @module A stable keyed hash of a JSON value, to tell whether a replayed Idempotency-Key carries the same body. */
import { keyedHash } from "./blind-index.js";
import type { KeyRing, RingKey } from "./key-ring.js";

/**
 * Keyed hash (HMAC under the newest key) of `value` as JSON with object keys sorted at every depth, so key
 * order never matters. Keyed because the body holds personal data: a plain hash would let anyone with the
 * database confirm a guessed name and email.
 * @example hashRequest(ring, { a: 1, b: 2 }) === hashRequest(ring, { b: 2, a: 1 }) // true
 */
export function hashRequest(ring: KeyRing, value: unknown, key: RingKey = ring.keys[0]): string {
  return keyedHash(key, `request:${JSON.stringify(value, sortKeys) ?? "null"}`);
}

/** Whether `hash` is the hash of `value` under any key of the ring (records outlive a key rotation). */
export function requestMatches(ring: KeyRing, value: unknown, hash: string): boolean {
  return ring.keys.some((key) => hashRequest(ring, value, key) === hash);
}

// JSON.stringify calls this after `toJSON`, so dates and the like are already plain values here.
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  // Object.fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}
