/** @module The key ring: `SLOTBOOK_SECRET` parsed into keys with ids and one derived subkey per purpose. */
import { createHash, createSecretKey, hkdfSync, type KeyObject } from "node:crypto";

/** One master key of the ring: its id and the subkeys derived from it. */
export interface RingKey {
  /** Short public id written into every envelope, so decryption finds the right key after rotation. */
  readonly id: string;
  /** AES-256-GCM key for personal data. */
  readonly encryptionKey: KeyObject;
  /** HMAC-SHA-256 key for blind indexes. */
  readonly indexKey: KeyObject;
}

/** Every key of `SLOTBOOK_SECRET`, newest first; `keys[0]` encrypts, all of them decrypt and look up. */
export interface KeyRing {
  readonly keys: readonly [RingKey, ...RingKey[]];
  readonly byId: ReadonlyMap<string, RingKey>;
}

// 32 bytes: AES-256 and HMAC-SHA-256 both want a 256-bit key.
const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HOW_TO = `generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

/**
 * Parses `SLOTBOOK_SECRET` (base64 32-byte keys, comma-separated, newest first) into a key ring.
 * Subkeys are derived here, once, so encrypting a booking costs no key derivation.
 * @example parseSecret(process.env.SLOTBOOK_SECRET ?? "")
 */
export function parseSecret(value: string): KeyRing {
  const items = value.split(",").map((item) => item.trim());
  if (items.length === 1 && items[0] === "") throw new Error(`SLOTBOOK_SECRET is empty; ${HOW_TO}`);
  const keys = items.map((item, index) => ringKey(decodeKey(item, index + 1, items.length)));
  const byId = new Map<string, RingKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new Error(`SLOTBOOK_SECRET lists the same key twice (key id ${key.id})`);
    byId.set(key.id, key);
  }
  return { keys: keys as [RingKey, ...RingKey[]], byId };
}

function decodeKey(item: string, position: number, count: number): Buffer {
  // Never echo the value: it is a secret and error messages end up in logs.
  const where = `SLOTBOOK_SECRET key ${position} of ${count}`;
  if (item === "") throw new Error(`${where} is empty; ${HOW_TO}`);
  const bytes = BASE64.test(item) ? Buffer.from(item, "base64") : undefined;
  if (bytes?.length !== KEY_BYTES) {
    const got = bytes ? `${bytes.length} bytes` : "not base64";
    throw new Error(`${where} is not 32 bytes of base64 (${got}); ${HOW_TO}`);
  }
  return bytes;
}

function ringKey(master: Buffer): RingKey {
  return {
    // 8 hex chars (32 bits) tell a handful of rotated keys apart; a clash is caught above.
    id: createHash("sha256").update(master).digest("hex").slice(0, 8),
    encryptionKey: subkey(master, "slotbook/v1/encryption"),
    indexKey: subkey(master, "slotbook/v1/blind-index"),
  };
}

// HKDF with distinct `info` labels: one secret never serves two purposes.
function subkey(master: Buffer, info: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, KEY_BYTES)));
}
