/** @module Random, URL-safe, prefixed ids for every kind of record. */
import { randomText } from "./crypto/random.js";

/** The prefix of each kind of id: widget, slot, booking, admin API key, webhook, outbox message or delivery, webhook event, console user, session, invite (or setup link). */
export type IdPrefix = "wgt" | "slot" | "bkg" | "key" | "whk" | "obx" | "evt" | "usr" | "ses" | "inv";

// 16 bytes = 128 bits: unguessable and collision-free at any realistic volume; base64url makes 22 chars.
const ID_BYTES = 16;

/**
 * A new id: the prefix, `_`, and 16 random bytes in base64url.
 * @example newId("bkg") // "bkg_Yp3m0Q9rT1…" (26 chars)
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomText(ID_BYTES)}`;
}
