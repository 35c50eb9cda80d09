/** @module The random pool: the sizes asked for, never a byte handed out twice, refilled across its end. */
import { describe, expect, it } from "vitest";
import { randomBuffer, randomText } from "./random.js";

describe("random pool", () => {
  it("hands out fresh bytes of the size asked, across many refills, never the same twice", () => {
    const seen = new Set<string>();
    // 3,000 draws of 16 and 12 bytes: about 20 refills of the 4 KiB pool, with draws that straddle its end.
    for (let i = 0; i < 1500; i++) {
      const text = randomText(16);
      expect(Buffer.from(text, "base64url")).toHaveLength(16);
      seen.add(text);
      const iv = randomBuffer(12);
      expect(iv).toHaveLength(12);
      seen.add(iv.toString("hex"));
    }
    expect(seen.size).toBe(3000);
  });

  it("gives each buffer bytes of its own: a later refill does not change an IV handed out before", () => {
    const iv = randomBuffer(12);
    const copy = Buffer.from(iv);
    for (let i = 0; i < 600; i++) randomText(16);
    expect(iv.equals(copy)).toBe(true);
  });

  it("is random: the bits of many draws are about half ones", () => {
    let ones = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) for (const byte of randomBuffer(16)) ones += byte.toString(2).split("1").length - 1;
    // 256,000 bits: a fair source is within 1% of half with overwhelming probability; zeros or a stuck pool are not.
    expect(ones / (draws * 128)).toBeGreaterThan(0.49);
    expect(ones / (draws * 128)).toBeLessThan(0.51);
  });

  it("refuses a draw larger than the pool", () => {
    expect(() => randomText(5000)).toThrow(RangeError);
  });
});
