/** @module AES-256-GCM envelopes for personal data: `v1.<kid>.<iv>.<ciphertext>.<tag>`, base64url. */
import { createCipheriv, createDecipheriv } from "node:crypto";
import type { KeyRing } from "./key-ring.js";
import { randomBuffer } from "./random.js";

const VERSION = "v1";
// 12 bytes: the IV size GCM is specified for (NIST SP 800-38D); 16 bytes: the full tag, never truncated.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when an envelope is malformed, tampered with, bound to other data, or sealed with an unknown key. */
export class DecryptError extends Error {
  override name = "DecryptError";
}

/**
 * Encrypts `plaintext` with the newest key and a fresh IV, binding it to `aad` (e.g. the booking id).
 * @example const pii = encrypt(ring, JSON.stringify({ name, email }), booking.id);
 */
export function encrypt(ring: KeyRing, plaintext: string, aad: string): string {
  const key = ring.keys[0];
  const iv = randomBuffer(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.encryptionKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${VERSION}.${key.id}.${iv.toString("base64url")}.${body.toString("base64url")}.${tag.toString("base64url")}`;
}

/** Opens an envelope made by `encrypt` with any key still in the ring; throws `DecryptError` otherwise. */
export function decrypt(ring: KeyRing, envelope: string, aad: string): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptError("Not a v1 encrypted envelope");
  const [, kid, ivText, bodyText, tagText] = parts as [string, string, string, string, string];
  const key = ring.byId.get(kid);
  if (!key) throw new DecryptError(`Encrypted with key ${kid}, which is not in SLOTBOOK_SECRET`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptError("Malformed encrypted envelope");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.encryptionKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    const body = Buffer.from(bodyText, "base64url");
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new DecryptError("Encrypted data was altered or belongs to another record", { cause });
  }
}
