/** @module Bearer secrets (admin keys, manage tokens): made random, stored as hashes, compared in constant time. */
import { createHash, timingSafeEqual } from "node:crypto";
import { randomText } from "./random.js";

// 32 bytes = 256 bits: far beyond guessing, and the hash needs no salt or slow KDF.
const TOKEN_BYTES = 32;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A new random token, base64url, with an optional prefix.
 * @example newToken("sk_") // "sk_3q2-…" (46 chars)
 */
export function newToken(prefix = ""): string {
  return prefix + randomText(TOKEN_BYTES);
}

/** The SHA-256 hex of a token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when `token` hashes to `hash`, compared in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  if (!SHA256_HEX.test(hash)) return false;
  return timingSafeEqual(createHash("sha256").update(token, "utf8").digest(), Buffer.from(hash, "hex"));
}
