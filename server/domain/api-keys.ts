/** @module Admin API keys: made once, stored only as hashes, checked in constant time. */
import { hashToken, newToken, tokenMatches } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { Deps } from "./deps.js";

/** Create a key; the returned `key` is shown once and never stored. */
export async function createApiKey(deps: Deps): Promise<{ id: string; key: string }> {
  const key = newToken("sk_");
  const id = newId("key");
  await deps.store.insertApiKey({ id, hash: hashToken(key), createdAt: deps.now().toISOString() });
  return { id, key };
}

/** True when `key` is the bootstrap key (`SLOTBOOK_ADMIN_KEY`, given as its hash) or a stored key. */
export async function isAdminKey(deps: Deps, key: string, bootstrapHash: string | undefined): Promise<boolean> {
  if (bootstrapHash && tokenMatches(key, bootstrapHash)) return true;
  const row = await deps.store.findApiKey(hashToken(key));
  return row !== undefined && tokenMatches(key, row.hash);
}
