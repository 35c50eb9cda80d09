/** @module Admin API keys: made once, stored only as hashes, checked in constant time, listed and revoked. */
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from "../../sdk/index.js";
import { hashToken, newToken, tokenMatches } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { ApiKeyRow } from "../store/types.js";
import type { Deps } from "./deps.js";
import { DomainError } from "./domain-error.js";

/**
 * 60 s: how stale `lastUsedAt` may be. Enough to tell a key in use from a forgotten one, and an admin client
 * polling every second costs one write a minute rather than one per request.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Create a key; the returned `secret` is shown once and never stored. */
export async function createApiKey(deps: Deps, input: ApiKeyCreate = {}): Promise<ApiKeyCreated> {
  const secret = newToken("sk_");
  const row: ApiKeyRow = {
    id: newId("key"),
    hash: hashToken(secret),
    label: input.label ?? null,
    createdAt: deps.now().toISOString(),
    lastUsedAt: null,
  };
  await deps.store.insertApiKey(row);
  return { id: row.id, label: row.label, createdAt: row.createdAt, secret };
}

/** Every stored key, oldest first, without hashes. The bootstrap key (`SLOTBOOK_ADMIN_KEY`) is not one of them. */
export async function listApiKeys(deps: Deps): Promise<ApiKey[]> {
  const rows = await deps.store.listApiKeys();
  return rows.map(({ id, label, createdAt, lastUsedAt }) => ({ id, label, createdAt, lastUsedAt }));
}

/** Revoke a key: it is deleted, so the next request that sends it is refused. 404 when there is no such key. */
export async function revokeApiKey(deps: Deps, id: string): Promise<void> {
  if (!(await deps.store.deleteApiKey(id))) throw new DomainError("not_found", `No API key ${id}`);
}

/**
 * True when `key` is the bootstrap key (`SLOTBOOK_ADMIN_KEY`, given as its hash) or a stored key; a stored key's
 * `lastUsedAt` is brought up to date when it is older than `LAST_USED_RESOLUTION_MS`.
 */
export async function isAdminKey(deps: Deps, key: string, bootstrapHash: string | undefined): Promise<boolean> {
  if (bootstrapHash && tokenMatches(key, bootstrapHash)) return true;
  const row = await deps.store.findApiKey(hashToken(key));
  if (row === undefined || !tokenMatches(key, row.hash)) return false;
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (row.lastUsedAt === null || row.lastUsedAt <= staleBefore) {
    // Bookkeeping only: a database that cannot take this write (read-only, full) must not refuse a valid key.
    await deps.store.markApiKeyUsed(row.id, now.toISOString(), staleBefore).catch(() => {});
  }
  return true;
}
