/** @module The keyed request hash: stable under key order, different for other bodies, other keys, and a plain SHA-256. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashRequest, parseSecret, requestMatches } from "./index.js";

const keyA = Buffer.alloc(32, 1).toString("base64");
const keyB = Buffer.alloc(32, 2).toString("base64");
const ring = parseSecret(keyA);

describe("hashRequest", () => {
  it("ignores key order at every depth", () => {
    const a = { slotId: "slot_1", name: "Ana", answers: { level: "b1", goal: "x" }, list: [{ y: 1, x: 2 }] };
    const b = { list: [{ x: 2, y: 1 }], answers: { goal: "x", level: "b1" }, name: "Ana", slotId: "slot_1" };
    expect(hashRequest(ring, a)).toBe(hashRequest(ring, b));
  });

  it("tells different bodies apart", () => {
    expect(hashRequest(ring, { a: 1 })).not.toBe(hashRequest(ring, { a: 2 }));
    expect(hashRequest(ring, { a: [1, 2] })).not.toBe(hashRequest(ring, { a: [2, 1] }));
    expect(hashRequest(ring, { a: "1" })).not.toBe(hashRequest(ring, { a: 1 }));
    expect(hashRequest(ring, { a: { b: 1 } })).not.toBe(hashRequest(ring, { "a.b": 1 }));
  });

  it("is keyed: nobody without the secret can confirm a guessed body", () => {
    const body = { name: "Ana", email: "ana@example.com" };
    const plain = createHash("sha256").update(JSON.stringify(body)).digest();
    expect(hashRequest(ring, body)).not.toBe(plain.toString("hex"));
    expect(hashRequest(ring, body)).not.toBe(plain.toString("base64url"));
    expect(hashRequest(parseSecret(keyB), body)).not.toBe(hashRequest(ring, body));
  });

  it("still matches after a key rotation", () => {
    const body = { slotId: "slot_1", email: "ana@example.com" };
    const stored = hashRequest(ring, body);
    expect(requestMatches(parseSecret(`${keyB},${keyA}`), body, stored)).toBe(true);
    expect(requestMatches(parseSecret(keyB), body, stored)).toBe(false);
    expect(requestMatches(ring, { ...body, email: "bo@example.com" }, stored)).toBe(false);
  });

  it("is the same for a value and its shuffled JSON copy", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reversed = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(hashRequest(ring, reversed)).toBe(hashRequest(ring, value));
      }),
    );
  });
});
