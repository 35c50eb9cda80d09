/** @module Unit tests of the fetch transport (what one attempt sends, how a timeout and an abort end it) and anySignal. */
import { describe, expect, it, vi } from "vitest";
import { defaultOptions } from "./options.js";
import { anySignal, fetchTransport } from "./transport.js";

const url = "https://book.test/v1/widgets/wgt_demo/bookings";
const options = (more: object = {}) => ({ ...defaultOptions("https://book.test"), ...more });

/** A fetch that records its requests and answers with `answer()`, or, without one, only rejects on abort. */
function fakeFetch(answer?: () => Response) {
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    if (answer) return Promise.resolve(answer());
    return new Promise<Response>((_, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });
  };
  return { seen, fetch };
}

describe("fetchTransport", () => {
  it("sends the method, the headers and a JSON body, and resolves with the answer as it is", async () => {
    const { seen, fetch } = fakeFetch(() => new Response("{}", { status: 503 }));
    const headers = new Headers({ "idempotency-key": "k1" });
    const response = await fetchTransport(options({ fetch }))({
      method: "POST",
      url,
      headers,
      json: { a: 1 },
      signal: undefined,
    });
    expect(response.status).toBe(503);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe(url);
    expect(seen[0]!.headers.get("idempotency-key")).toBe("k1");
    expect(seen[0]!.headers.get("content-type")).toBe("application/json");
    expect(await seen[0]!.json()).toEqual({ a: 1 });
  });

  it("sends no body and no content type without JSON, and keeps a content type of the caller's", async () => {
    const { seen, fetch } = fakeFetch(() => new Response("{}"));
    const send = fetchTransport(options({ fetch }));
    await send({ method: "GET", url, headers: new Headers(), signal: undefined });
    expect(seen[0]!.headers.get("content-type")).toBeNull();
    expect(seen[0]!.body).toBeNull();
    const headers = new Headers({ "Content-Type": "application/merge-patch+json" });
    await send({ method: "PATCH", url, headers, json: { a: 1 }, signal: undefined });
    expect(seen[1]!.headers.get("content-type")).toBe("application/merge-patch+json");
  });

  it("rejects with a TimeoutError when the answer takes longer than the timeout", async () => {
    const { fetch } = fakeFetch();
    const sending = fetchTransport(options({ fetch, timeout: 20 }))({
      method: "GET",
      url,
      headers: new Headers(),
      signal: undefined,
    });
    await expect(sending).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("does not cut off a body that is still arriving when the timeout passes", async () => {
    const stream = new ReadableStream({
      start(controller) {
        setTimeout(() => {
          controller.enqueue(new TextEncoder().encode('{"ok":true}'));
          controller.close();
        }, 60);
      },
    });
    const { fetch } = fakeFetch(() => new Response(stream));
    const response = await fetchTransport(options({ fetch, timeout: 20 }))({
      method: "GET",
      url,
      headers: new Headers(),
      signal: undefined,
    });
    expect(await response.json()).toEqual({ ok: true });
  });

  it("needs no AbortSignal.any (Safari before 17.4): the caller's abort still ends the attempt", async () => {
    vi.stubGlobal("AbortSignal", Object.assign(Object.create(AbortSignal), { any: undefined }));
    try {
      const { fetch } = fakeFetch();
      const controller = new AbortController();
      const sending = fetchTransport(options({ fetch }))({
        method: "GET",
        url,
        headers: new Headers(),
        signal: controller.signal,
      });
      controller.abort(new DOMException("left", "AbortError"));
      await expect(sending).rejects.toMatchObject({ name: "AbortError", message: "left" });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("rejects with the caller's abort, not a timeout, when the caller aborted first", async () => {
    // This fetch ignores aborts and gives up only later, when the timeout has fired too.
    const fetch = () =>
      new Promise<Response>((_, reject) => setTimeout(() => reject(new DOMException("x", "AbortError")), 60));
    const controller = new AbortController();
    const sending = fetchTransport(options({ fetch, timeout: 20 }))({
      method: "GET",
      url,
      headers: new Headers(),
      signal: controller.signal,
    });
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("anySignal", () => {
  it("follows both signals, or is the one given", () => {
    const a = new AbortController();
    const b = new AbortController();
    const both = anySignal(a.signal, b.signal)!;
    b.abort("b's reason");
    expect(both.aborted).toBe(true);
    expect(both.reason).toBe("b's reason");
    expect(anySignal(a.signal, undefined)).toBe(a.signal);
    expect(anySignal(undefined, undefined)).toBeUndefined();
  });
});
