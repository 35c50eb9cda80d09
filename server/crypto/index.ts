/** @module Secrets and personal data at rest: key ring, envelopes, blind indexes, tokens, request hashes. */
export { blindIndex, blindIndexes, normaliseEmail } from "./blind-index.js";
export { DecryptError, decrypt, encrypt } from "./envelope.js";
export { hashRequest, requestMatches } from "./hash-request.js";
export { type KeyRing, parseSecret, type RingKey } from "./key-ring.js";
export { type LoadKeyRingOptions, loadKeyRing } from "./load-key-ring.js";
export { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password.js";
export { hashToken, newToken, tokenMatches } from "./token.js";
