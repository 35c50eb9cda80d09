/** @module Unit tests of the retry policy: which failures wait how long, and which go back to the caller. */
import { describe, expect, it } from "vitest";
import { retryWait, sleep } from "./retry.js";

const policy = { limit: 2, delay: (attempt: number) => attempt * 100, maxRetryAfter: 10_000 };
const httpError = (status: number, headers: Record<string, string> = {}) => ({
  response: new Response(null, { status, headers }),
});
const timeout = new DOMException("The operation timed out.", "TimeoutError");

describe("retryWait", () => {
  it("waits the delay after a network error or a timeout", () => {
    expect(retryWait({ error: new TypeError("fetch failed") }, 1, policy)).toBe(100);
    expect(retryWait({ error: timeout }, 2, policy)).toBe(200);
  });

  it("gives up after the limit and never retries an abort", () => {
    expect(retryWait({ error: new TypeError("fetch failed") }, 3, policy)).toBeUndefined();
    expect(retryWait({ error: new DOMException("stop", "AbortError") }, 1, policy)).toBeUndefined();
  });

  it.each([408, 500, 502, 504])("retries %i after the delay", (status) => {
    expect(retryWait(httpError(status, { "retry-after": "5" }), 1, policy)).toBe(100);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])("does not retry %i", (status) => {
    expect(retryWait(httpError(status), 1, policy)).toBeUndefined();
  });

  it("waits out the Retry-After of a 429 or 503, seconds or an HTTP date", () => {
    expect(retryWait(httpError(429, { "retry-after": "3" }), 1, policy)).toBe(3_000);
    const inFive = new Date(Date.now() + 5_000).toUTCString();
    expect(retryWait(httpError(503, { "retry-after": inFive }), 1, policy)).toBeGreaterThan(3_000);
    expect(retryWait(httpError(503), 1, policy)).toBe(100);
  });

  it("hands a Retry-After longer than maxRetryAfter back at once", () => {
    expect(retryWait(httpError(429, { "retry-after": "11" }), 1, policy)).toBeUndefined();
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted meanwhile or before", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    await expect(sleep(10, controller.signal)).rejects.toThrow("gone");
    await expect(sleep(1, undefined)).resolves.toBeUndefined();
  });
});
