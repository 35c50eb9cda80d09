/** @module Blind indexes: stable, case-insensitive, different per key, found across a rotation. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blindIndex, blindIndexes, parseSecret } from "./index.js";

const key = () => randomBytes(32).toString("base64");

describe("blind indexes", () => {
  const [a, b] = [key(), key()];
  const ringA = parseSecret(a);
  const rotated = parseSecret(`${b},${a}`);

  it("is stable and ignores case and surrounding space", () => {
    const index = blindIndex(ringA, "ana@example.com");
    expect(index).toMatch(/^[\w-]{43}$/);
    expect(blindIndex(ringA, "  Ana@Example.COM\n")).toBe(index);
    expect(blindIndex(parseSecret(a), "ana@example.com")).toBe(index);
    expect(blindIndex(ringA, "ana@example.org")).not.toBe(index);
  });

  it("differs per key and never equals a plain hash of the email", () => {
    expect(blindIndex(parseSecret(b), "ana@example.com")).not.toBe(blindIndex(ringA, "ana@example.com"));
    expect(blindIndex(ringA, "ana@example.com")).not.toContain("ana");
  });

  it("gives one index per key, newest first, so old rows are still found", () => {
    const indexes = blindIndexes(rotated, "Ana@example.com");
    expect(indexes).toEqual([blindIndex(parseSecret(b), "ana@example.com"), blindIndex(ringA, "ana@example.com")]);
    expect(indexes[0]).toBe(blindIndex(rotated, "ana@example.com"));
  });

  it("does not mix the encryption subkey into the index", () => {
    const ring = parseSecret(a);
    expect(ring.keys[0].indexKey.export().equals(ring.keys[0].encryptionKey.export())).toBe(false);
  });
});
