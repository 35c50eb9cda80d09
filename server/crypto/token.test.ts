/** @module Manage tokens and admin keys: random, hashed, compared in constant time. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken, tokenMatches } from "./index.js";

describe("tokens", () => {
  it("makes 256-bit base64url tokens with an optional prefix", () => {
    expect(newToken()).toMatch(/^[\w-]{43}$/);
    expect(newToken("sk_")).toMatch(/^sk_[\w-]{43}$/);
    expect(newToken()).not.toBe(newToken());
  });

  it("hashes with SHA-256 hex", () => {
    expect(hashToken("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
  });

  it("matches only the right token", () => {
    const token = newToken("sk_");
    const hash = hashToken(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(`${token}x`, hash)).toBe(false);
    expect(tokenMatches(newToken("sk_"), hash)).toBe(false);
  });

  it("returns false, without throwing, for a malformed hash", () => {
    const token = newToken();
    expect(tokenMatches(token, "")).toBe(false);
    expect(tokenMatches(token, hashToken(token).slice(0, 10))).toBe(false);
    expect(tokenMatches(token, hashToken(token).toUpperCase())).toBe(false);
  });
});
