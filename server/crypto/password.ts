/** @module Console passwords: scrypt with a random salt per password, compared in constant time. */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// N = 2^15, r = 8, p = 1: OWASP's scrypt minimum is N = 2^17 with r = 8 for 128 MiB; 2^15 (32 MiB, ~60 ms here) keeps
// sign-in quick on a 2-core box while an offline guess still costs 32 MiB and tens of milliseconds each.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// 128 * N * r bytes is what scrypt needs; Node's default maxmem (32 MiB) is exactly that, so leave room.
const MAXMEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { ...options, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url), the form stored. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when `password` is the one `stored` was made from. A malformed `stored` is false, never an exception. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every(Number.isSafeInteger)) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), options);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, for signing in an unknown email: the same scrypt work is done, so the answer's timing
 * does not tell which addresses have accounts.
 */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${"A".repeat(22)}$${"A".repeat(43)}`;
