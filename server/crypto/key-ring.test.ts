/** @module Parsing SLOTBOOK_SECRET into a key ring, and the one-line errors for bad values. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSecret } from "./index.js";

const key = () => randomBytes(32).toString("base64");

describe("parseSecret", () => {
  it("keeps the keys newest first, each with a short id", () => {
    const [a, b] = [key(), key()];
    const ring = parseSecret(` ${a} , ${b}`);
    expect(ring.keys).toHaveLength(2);
    expect(ring.keys[0].id).toMatch(/^[0-9a-f]{8}$/);
    expect(ring.keys[0].id).toBe(parseSecret(a).keys[0].id);
    expect(ring.keys[1]?.id).toBe(parseSecret(b).keys[0].id);
    expect(ring.byId.get(ring.keys[0].id)).toBe(ring.keys[0]);
  });

  it("derives different subkeys for encryption and the blind index", () => {
    const { encryptionKey, indexKey } = parseSecret(key()).keys[0];
    expect(encryptionKey.export().length).toBe(32);
    expect(encryptionKey.export().equals(indexKey.export())).toBe(false);
  });

  it("accepts base64url and unpadded keys", () => {
    const bytes = randomBytes(32);
    const id = parseSecret(bytes.toString("base64")).keys[0].id;
    expect(parseSecret(bytes.toString("base64url")).keys[0].id).toBe(id);
  });

  it.each([
    ["", /SLOTBOOK_SECRET is empty/],
    ["   ", /SLOTBOOK_SECRET is empty/],
    [randomBytes(16).toString("base64"), /SLOTBOOK_SECRET key 1 of 1 is not 32 bytes of base64 \(16 bytes\)/],
    [randomBytes(33).toString("base64"), /key 1 of 1 is not 32 bytes of base64 \(33 bytes\)/],
    ["not a key!", /key 1 of 1 is not 32 bytes of base64 \(not base64\)/],
    [`${key()},`, /SLOTBOOK_SECRET key 2 of 2 is empty/],
  ])("rejects %j with a message naming SLOTBOOK_SECRET", (value, message) => {
    expect(() => parseSecret(value)).toThrow(message);
  });

  it("never puts the key itself in the message", () => {
    const short = randomBytes(31).toString("base64");
    const error = (() => {
      try {
        parseSecret(`${key()},${short}`);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/key 2 of 2 is not 32 bytes/);
    expect(error?.message).not.toContain(short);
  });

  it("rejects the same key listed twice", () => {
    const a = key();
    expect(() => parseSecret(`${a},${a}`)).toThrow(/SLOTBOOK_SECRET lists the same key twice/);
  });
});
