/** @module Unit tests of the fetch transport: what one attempt sends, and how a timeout and an abort reject. */
import { describe, expect, it } from "vitest";
import { defaultOptions } from "./options.js";
import { fetchTransport } from "./transport.js";

const url = "https://book.test/v1/widgets/wgt_demo/bookings";

/** A fetch that records its requests and answers 201, or never answers until its request is aborted. */
function fakeFetch(answer = true) {
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    if (answer) return Promise.resolve(new Response("{}", { status: 201 }));
    return new Promise<Response>((_, reject) => {
      request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  };
  return { seen, fetch };
}

describe("fetchTransport", () => {
  it("sends the method, the headers and a JSON body, and resolves with the answer as it is", async () => {
    const { seen, fetch } = fakeFetch();
    const send = fetchTransport({ ...defaultOptions("https://book.test"), fetch });
    const response = await send({
      method: "POST",
      url,
      headers: { "idempotency-key": "k1" },
      json: { a: 1 },
      signal: undefined,
    });
    expect(response.status).toBe(201);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe(url);
    expect(seen[0]!.headers.get("idempotency-key")).toBe("k1");
    expect(seen[0]!.headers.get("content-type")).toBe("application/json");
    expect(await seen[0]!.json()).toEqual({ a: 1 });
  });

  it("sends no body and no content type without JSON", async () => {
    const { seen, fetch } = fakeFetch();
    await fetchTransport({ ...defaultOptions("https://book.test"), fetch })({
      method: "GET",
      url,
      headers: {},
      signal: undefined,
    });
    expect(seen[0]!.headers.get("content-type")).toBeNull();
    expect(seen[0]!.body).toBeNull();
  });

  it("rejects with a TimeoutError when an attempt takes longer than the timeout", async () => {
    const { fetch } = fakeFetch(false);
    const send = fetchTransport({ ...defaultOptions("https://book.test"), fetch, timeout: 20 });
    await expect(send({ method: "GET", url, headers: {}, signal: undefined })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });

  it("rejects with the caller's abort, not a timeout, when the caller aborts", async () => {
    const { fetch } = fakeFetch(false);
    const controller = new AbortController();
    const sending = fetchTransport({ ...defaultOptions("https://book.test"), fetch, timeout: 5_000 })({
      method: "GET",
      url,
      headers: {},
      signal: controller.signal,
    });
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
  });
});
