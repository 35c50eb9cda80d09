import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashRequest } from "./index.js";

describe("hashRequest", () => {
  it("ignores key order at every depth", () => {
    const a = { slotId: "slot_1", name: "Ana", answers: { level: "b1", goal: "x" }, list: [{ y: 1, x: 2 }] };
    const b = { list: [{ x: 2, y: 1 }], answers: { goal: "x", level: "b1" }, name: "Ana", slotId: "slot_1" };
    expect(hashRequest(a)).toBe(hashRequest(b));
    expect(hashRequest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("tells different bodies apart", () => {
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: 2 }));
    expect(hashRequest({ a: [1, 2] })).not.toBe(hashRequest({ a: [2, 1] }));
    expect(hashRequest({ a: "1" })).not.toBe(hashRequest({ a: 1 }));
    expect(hashRequest({ a: { b: 1 } })).not.toBe(hashRequest({ "a.b": 1 }));
  });

  it("is the same for a value and its shuffled JSON copy", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reversed = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(hashRequest(reversed)).toBe(hashRequest(value));
      }),
    );
  });
});
