/** @module Blind indexes: keyed hashes of an email so it can be looked up without being stored. */
import { createHmac } from "node:crypto";
import type { KeyRing } from "./key-ring.js";

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
  return ring.keys.map((key) => createHmac("sha256", key.indexKey).update(normal, "utf8").digest("base64url"));
}

/** The blind index of `email` under the newest key: the one to store. */
export function blindIndex(ring: KeyRing, email: string): string {
  return createHmac("sha256", ring.keys[0].indexKey).update(normaliseEmail(email), "utf8").digest("base64url");
}
