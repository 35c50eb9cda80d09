/** @module The fixed-window limiter: windows, independent keys, eviction under a flood of keys. */
import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "./index.js";

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("FixedWindowLimiter", () => {
  it("allows `limit` hits per window, then refuses with the time to reset", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect(limiter.hit("ip")).toEqual({ allowed: true, limit: 3, remaining: 2, resetMs: 60_000 });
    c.advance(1_000);
    expect(limiter.hit("ip")).toEqual({ allowed: true, limit: 3, remaining: 1, resetMs: 59_000 });
    expect(limiter.hit("ip")).toEqual({ allowed: true, limit: 3, remaining: 0, resetMs: 59_000 });
    c.advance(9_000);
    expect(limiter.hit("ip")).toEqual({ allowed: false, limit: 3, remaining: 0, resetMs: 50_000 });
    expect(limiter.hit("ip").allowed).toBe(false);
  });

  it("starts a fresh window exactly when the old one ends", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect(limiter.hit("ip").allowed).toBe(true);
    c.advance(999);
    expect(limiter.hit("ip")).toMatchObject({ allowed: false, resetMs: 1 });
    c.advance(1);
    expect(limiter.hit("ip")).toEqual({ allowed: true, limit: 1, remaining: 0, resetMs: 1_000 });
  });

  it("does not let refused hits extend the window", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    limiter.hit("ip");
    for (let i = 0; i < 9; i++) {
      c.advance(100);
      expect(limiter.hit("ip").allowed).toBe(false);
    }
    c.advance(100);
    expect(limiter.hit("ip").allowed).toBe(true);
  });

  it("counts keys independently", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect(limiter.hit("a:wgt_1").allowed).toBe(true);
    expect(limiter.hit("a:wgt_1").allowed).toBe(false);
    expect(limiter.hit("b:wgt_1").allowed).toBe(true);
    expect(limiter.hit("a:wgt_2").allowed).toBe(true);
  });

  it("treats limit 0 as unlimited and keeps no state", () => {
    const limiter = new FixedWindowLimiter({ limit: 0, windowMs: 1_000 });
    for (let i = 0; i < 1_000; i++) expect(limiter.hit("ip").allowed).toBe(true);
    expect(limiter.hit("ip")).toEqual({ allowed: true, limit: 0, remaining: Number.POSITIVE_INFINITY, resetMs: 0 });
    expect(limiter.size).toBe(0);
  });

  it("drops expired keys lazily", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 5, windowMs: 1_000, now: c.now });
    for (let i = 0; i < 100; i++) limiter.hit(`old-${i}`);
    c.advance(500);
    limiter.hit("recent");
    expect(limiter.size).toBe(101);
    c.advance(500);
    limiter.hit("new");
    expect(limiter.size).toBe(2);
  });

  it("caps the number of keys, evicting the oldest window first", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000, now: c.now, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) {
      limiter.hit(key);
      c.advance(1);
    }
    limiter.hit("d");
    expect(limiter.size).toBe(3);
    expect(limiter.hit("b").allowed).toBe(false);
    expect(limiter.hit("c").allowed).toBe(false);
    expect(limiter.hit("d").allowed).toBe(false);
    expect(limiter.hit("a").allowed).toBe(true);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const limiter = new FixedWindowLimiter({ limit: 20, windowMs: 60_000, maxKeys: 50_000 });
    for (let i = 0; i < 120_000; i++) limiter.hit(`ip-${i}`);
    expect(limiter.size).toBe(50_000);
  });

  it("keeps counting right across many windows of many keys", () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 1_000, now: c.now, maxKeys: 10_000 });
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 3_000; i++) {
        expect(limiter.hit(`k${i}`).allowed).toBe(true);
        expect(limiter.hit(`k${i}`).allowed).toBe(true);
        expect(limiter.hit(`k${i}`).allowed).toBe(false);
      }
      expect(limiter.size).toBe(3_000);
      c.advance(1_000);
    }
  });

  it("does not forget a restarted key when the clock steps back", () => {
    const c = clock(10_000);
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000, now: c.now, maxKeys: 2 });
    limiter.hit("a"); // window ends at 11_000
    c.advance(-500);
    limiter.hit("b"); // ends at 10_500, behind a's in the queue
    c.advance(1_100); // 10_600: b has ended, a has not
    expect(limiter.hit("b").allowed).toBe(true); // b restarts: ends at 11_600
    c.advance(500); // 11_100: a's window has ended and is dropped, b's old entry is stale
    expect(limiter.hit("c").allowed).toBe(true);
    expect(limiter.hit("b").allowed).toBe(false);
  });

  it("rejects bad options at once", () => {
    expect(() => new FixedWindowLimiter({ limit: -1, windowMs: 1 })).toThrow(TypeError);
    expect(() => new FixedWindowLimiter({ limit: 1.5, windowMs: 1 })).toThrow(TypeError);
    expect(() => new FixedWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(TypeError);
    expect(() => new FixedWindowLimiter({ limit: 1, windowMs: 1, maxKeys: 0 })).toThrow(TypeError);
  });
});
