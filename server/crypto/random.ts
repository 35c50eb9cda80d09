/**
 * @module Random bytes for ids, tokens and IVs, from a pool filled by the CSPRNG 4 KiB at a time: a booking takes
 * a dozen small draws (ids, the manage token, an IV per sealed row), and each `randomBytes` call goes to OpenSSL on
 * its own (measured: ~5% of a booking's CPU). Node's own `randomUUID` pools the same way. Every byte is handed out
 * once and the pool is refilled, never reused.
 */
import { randomFillSync } from "node:crypto";

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
// Start empty: the first draw fills it.
let offset = POOL_BYTES;

/** Where the next `size` fresh bytes start in the pool (refilled first when fewer are left). */
function take(size: number): number {
  if (size > POOL_BYTES) throw new RangeError(`At most ${POOL_BYTES} random bytes at a time`);
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const start = offset;
  offset += size;
  return start;
}

/** `size` random bytes as base64url text (ids, tokens). */
export function randomText(size: number): string {
  const start = take(size);
  return pool.toString("base64url", start, start + size);
}

/** `size` random bytes in a Buffer of their own (an IV). */
export function randomBuffer(size: number): Buffer {
  const start = take(size);
  return Buffer.from(pool.subarray(start, start + size));
}
