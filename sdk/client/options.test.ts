/** @module Tests of option checking: bad options throw a TypeError at once, good ones get their defaults. */
import { describe, expect, it } from "vitest";
import { type ClientOptions, normalizeOptions } from "./options.js";
import { createClient } from "./public-client.js";

const BASE = "https://book.test";

describe("normalizeOptions", () => {
  it("fills in every default", () => {
    const options = normalizeOptions({ baseUrl: "https://book.test/" });
    expect(options).toMatchObject({
      baseUrl: "https://book.test",
      timeout: 10_000,
      retry: { limit: 2, maxRetryAfter: 10_000 },
      headers: {},
      fetch: undefined,
      signal: undefined,
    });
    // The default delay grows and stays under its cap: 300 ms × 2^(attempt-1), jittered downwards.
    for (let i = 0; i < 50; i++) {
      expect(options.retry.delay(1)).toBeLessThan(300);
      expect(options.retry.delay(3)).toBeLessThan(1_200);
    }
  });

  it("keeps a path prefix and drops trailing slashes", () => {
    expect(normalizeOptions({ baseUrl: new URL("http://127.0.0.1:8787/booking//") }).baseUrl).toBe(
      "http://127.0.0.1:8787/booking",
    );
  });

  it("takes a number as the retry limit", () => {
    expect(normalizeOptions({ baseUrl: BASE, retry: 0 }).retry.limit).toBe(0);
  });

  it("accepts timeout: false", () => {
    expect(normalizeOptions({ baseUrl: BASE, timeout: false }).timeout).toBe(false);
  });

  const bad: Array<[string, unknown]> = [
    ["no options", undefined],
    ["no baseUrl", {}],
    ["a relative baseUrl", { baseUrl: "/api" }],
    ["a non-http baseUrl", { baseUrl: "ftp://book.test" }],
    ["a baseUrl with a query", { baseUrl: "https://book.test/?x=1" }],
    ["a baseUrl that is a number", { baseUrl: 8787 }],
    ["a fetch that is not a function", { baseUrl: BASE, fetch: "fetch" }],
    ["a zero timeout", { baseUrl: BASE, timeout: 0 }],
    ["a timeout past setTimeout's limit", { baseUrl: BASE, timeout: 2 ** 31 }],
    ["a negative retry limit", { baseUrl: BASE, retry: -1 }],
    ["a fractional retry limit", { baseUrl: BASE, retry: { limit: 1.5 } }],
    ["a delay that is not a function", { baseUrl: BASE, retry: { delay: 100 } }],
    ["a negative maxRetryAfter", { baseUrl: BASE, retry: { maxRetryAfter: -1 } }],
    ["headers that are not an object", { baseUrl: BASE, headers: "x" }],
    ["a signal that is not an AbortSignal", { baseUrl: BASE, signal: {} }],
  ];
  it.each(bad)("throws a TypeError for %s", (_, options) => {
    expect(() => normalizeOptions(options as ClientOptions)).toThrow(TypeError);
    expect(() => createClient(options as ClientOptions)).toThrow(TypeError);
  });

  it("names the bad baseUrl in the message", () => {
    expect(() => createClient({ baseUrl: "book.test" })).toThrow(
      /baseUrl must be an absolute http\(s\) URL.*book\.test/,
    );
  });
});
