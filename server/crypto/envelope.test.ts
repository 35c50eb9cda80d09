/** @module AES-256-GCM envelopes: round trip, fresh IVs, tamper and wrong-key failures, rotation. */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DecryptError, decrypt, encrypt, parseSecret } from "./index.js";

const key = () => randomBytes(32).toString("base64");
const ring = parseSecret(key());

describe("encrypt / decrypt", () => {
  it("round-trips any text, bound to its aad", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string(), (plaintext, aad) => {
        expect(decrypt(ring, encrypt(ring, plaintext, aad), aad)).toBe(plaintext);
      }),
    );
  });

  it("writes a compact versioned envelope carrying the key id", () => {
    const envelope = encrypt(ring, "Ana <ana@example.com>", "bkg_1");
    expect(envelope).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(envelope.split(".")[1]).toBe(ring.keys[0].id);
    expect(envelope).not.toContain("ana@example.com");
  });

  it("uses a fresh IV each time", () => {
    const a = encrypt(ring, "same", "bkg_1");
    const b = encrypt(ring, "same", "bkg_1");
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("refuses the wrong aad", () => {
    const envelope = encrypt(ring, "secret", "bkg_1");
    expect(() => decrypt(ring, envelope, "bkg_2")).toThrow(DecryptError);
  });

  it("refuses any change to the ciphertext, IV or tag", () => {
    const envelope = encrypt(ring, "some personal data", "bkg_1");
    for (const part of [2, 3, 4]) {
      const parts = envelope.split(".");
      const bytes = Buffer.from(parts[part]!, "base64url");
      bytes[0]! ^= 1;
      parts[part] = bytes.toString("base64url");
      expect(() => decrypt(ring, parts.join("."), "bkg_1")).toThrow(DecryptError);
    }
  });

  it("refuses a truncated tag, a bad version and garbage", () => {
    const parts = encrypt(ring, "x", "a").split(".");
    const shortTag = [...parts.slice(0, 4), Buffer.from(parts[4]!, "base64url").subarray(0, 4).toString("base64url")];
    expect(() => decrypt(ring, shortTag.join("."), "a")).toThrow(/Malformed/);
    expect(() => decrypt(ring, ["v2", ...parts.slice(1)].join("."), "a")).toThrow(/Not a v1/);
    expect(() => decrypt(ring, "hello", "a")).toThrow(DecryptError);
  });

  it("refuses a key id not in the ring", () => {
    const envelope = encrypt(parseSecret(key()), "x", "a");
    expect(() => decrypt(ring, envelope, "a")).toThrow(/not in SLOTBOOK_SECRET/);
  });

  it("still decrypts after rotation, and encrypts with the newest key", () => {
    const [a, b] = [key(), key()];
    const old = parseSecret(a);
    const rotated = parseSecret(`${b},${a}`);
    const envelope = encrypt(old, "before rotation", "bkg_9");
    expect(decrypt(rotated, envelope, "bkg_9")).toBe("before rotation");
    const fresh = encrypt(rotated, "after", "bkg_9");
    expect(fresh.split(".")[1]).toBe(parseSecret(b).keys[0].id);
    expect(() => decrypt(old, fresh, "bkg_9")).toThrow(DecryptError);
  });
});
