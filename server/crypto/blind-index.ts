/** @module Blind indexes: keyed hashes of an email so it can be looked up without being stored. */
import { createHmac } from "node:crypto";
import type { KeyRing, RingKey } from "./key-ring.js";

/** Trims, lower-cases and NFC-normalises an email, so `Ana@X.io ` and `ana@x.io` index alike. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().normalize("NFC");
}

/**
 * One blind index of `email` per key, newest first; query with all of them so rows written
 * before a key rotation are still found.
 */
export function blindIndexes(ring: KeyRing, email: string): string[] {
  const normal = normaliseEmail(email);
  return ring.keys.map((key) => keyedHash(key, normal));
}

/** The blind index of `email` under the newest key: the one to store. */
export function blindIndex(ring: KeyRing, email: string): string {
  return keyedHash(ring.keys[0], normaliseEmail(email));
}

/** HMAC-SHA-256 of `text` under a ring key's index subkey, base64url. */
export function keyedHash(key: RingKey, text: string): string {
  return createHmac("sha256", key.indexKey).update(text, "utf8").digest("base64url");
}
