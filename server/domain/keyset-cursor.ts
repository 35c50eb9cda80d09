/** @module Opaque cursors of keyset pages: a row's position (createdAt, id), base64url, checked when read back. */
import { DomainError } from "./domain-error.js";

/** A position in (createdAt, id) order. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

/** The cursor of the page after `row`. */
export function encodeCursor(row: KeysetPosition): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString("base64url");
}

/** The position a cursor from `encodeCursor` names; 400 `bad_request` for anything else. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (typeof createdAt === "string" && typeof id === "string") return { createdAt, id };
  } catch {}
  throw new DomainError("bad_request", "The cursor is not one this API returned");
}
