/** @module A stable hash of a JSON value, to tell whether a replayed Idempotency-Key carries the same body. */
import { createHash } from "node:crypto";

/**
 * SHA-256 hex of `value` as JSON with object keys sorted at every depth, so key order never matters.
 * @example hashRequest({ a: 1, b: 2 }) === hashRequest({ b: 2, a: 1 }) // true
 */
export function hashRequest(value: unknown): string {
  const json = JSON.stringify(value, sortKeys) ?? "null";
  return createHash("sha256").update(json, "utf8").digest("hex");
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
