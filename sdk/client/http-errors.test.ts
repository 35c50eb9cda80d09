/** @module Tests of how failures reach the caller: problem+json, broken answers, network errors, timeouts, aborts. */
import { delay, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../errors/codes.js";
import { SlotbookError } from "../errors/slotbook-error.js";
import { BASE, booking, bookingCreated, problem, publicWidget, useMockApi } from "./mock-api.test.helper.js";
import { createClient } from "./public-client.js";

const { route } = useMockApi();
const client = (options = {}) => createClient({ baseUrl: BASE, retry: 0, ...options });
const request = { slotId: "slot_a", name: "Ada", email: "ada@example.com" };

async function failure(promise: Promise<unknown>): Promise<SlotbookError> {
  const error = await promise.then(
    () => expect.unreachable("the call should fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlotbookError);
  return error as SlotbookError;
}

describe("problem+json answers", () => {
  it.each(Object.keys(ERROR_CODES) as ErrorCode[])("%s becomes a SlotbookError with every field", async (code) => {
    const issues = code === "validation_failed" ? [{ path: ["email"], code: "invalid_format", message: "Bad" }] : [];
    route("post", "widgets/wgt_demo/bookings", () => problem(code, { issues, requestId: "req_1" }));
    const error = await failure(client().bookings.create("wgt_demo", request));
    expect(error).toMatchObject({
      name: "SlotbookError",
      status: ERROR_CODES[code].status,
      code,
      title: ERROR_CODES[code].title,
      detail: `detail of ${code}`,
      issues,
      requestId: "req_1",
      method: "POST",
      url: `${BASE}/v1/widgets/wgt_demo/bookings`,
    });
    expect(error.message).toContain(`POST ${BASE}/v1/widgets/wgt_demo/bookings`);
    expect(error.message).toContain(code);
    expect(error.cause).toBeInstanceOf(Response); // the error answer itself
  });

  it("knows an answer by its having come, not by its class: a fetch that returns another library's Response", async () => {
    const body = { type: "https://slotbook.dev/errors/not_found", title: "Not found", status: 404, code: "not_found" };
    // What node-fetch or a polyfill returns: a working response that is not an instance of the global Response.
    const foreign = {
      ok: false,
      status: 404,
      statusText: "Not Found",
      url: `${BASE}/v1/widgets/wgt_demo`,
      headers: new Headers({ "content-type": "application/problem+json" }),
      body: null,
      text: async () => JSON.stringify(body),
    };
    let calls = 0;
    const fetch = async () => {
      calls++;
      return foreign as unknown as Response;
    };
    const error = await failure(createClient({ baseUrl: BASE, fetch, retry: 2 }).widgets.get("wgt_demo"));
    expect(error).toMatchObject({ code: "not_found", status: 404, title: "Not found" });
    expect(calls).toBe(1); // a 404 is not retried
  });

  it("matches header names without regard to case, the call's own winning over the client's", async () => {
    const received = route("get", "bookings/bkg_1", () => HttpResponse.json(booking));
    const sdk = client({ headers: { Authorization: "Bearer proxy", "X-App": "demo" } });
    await sdk.bookings.get("bkg_1", { token: "tok" });
    expect(received[0]!.headers.get("authorization")).toBe("Bearer tok");
    expect(received[0]!.headers.get("x-app")).toBe("demo");
  });

  it("falls back to a code by status when the body is not a problem document", async () => {
    route("get", "widgets/wgt_demo", () => HttpResponse.html("<h1>Bad gateway</h1>", { status: 502 }));
    const error = await failure(client().widgets.get("wgt_demo"));
    expect(error).toMatchObject({ status: 502, code: "unavailable", title: "Service unavailable", issues: [] });
  });

  it("falls back when the JSON carries an unknown code", async () => {
    route("get", "widgets/wgt_demo", () => HttpResponse.json({ code: "gone_fishing", title: "?" }, { status: 404 }));
    const error = await failure(client().widgets.get("wgt_demo"));
    expect(error).toMatchObject({ status: 404, code: "not_found", title: "Not found", detail: undefined });
  });

  it("reads Retry-After in seconds and as an HTTP date", async () => {
    route("get", "widgets/wgt_a", () => problem("rate_limited", {}, { "retry-after": "42" }));
    const date = new Date(Date.now() + 90_000).toUTCString();
    route("get", "widgets/wgt_b", () => problem("unavailable", {}, { "retry-after": date }));
    expect((await failure(client().widgets.get("wgt_a"))).retryAfter).toBe(42);
    const retryAfter = (await failure(client().widgets.get("wgt_b"))).retryAfter!;
    // 88–90: the date has whole seconds and a little time passes in between.
    expect(retryAfter).toBeGreaterThanOrEqual(88);
    expect(retryAfter).toBeLessThanOrEqual(90);
  });

  it("leaves retryAfter undefined without the header", async () => {
    route("get", "widgets/wgt_demo", () => problem("not_found"));
    expect((await failure(client().widgets.get("wgt_demo"))).retryAfter).toBeUndefined();
  });
});

describe("answers that break the contract", () => {
  it("a body of the wrong shape is invalid_response with the schema's issues", async () => {
    route("get", "widgets/wgt_demo", () => HttpResponse.json({ ...publicWidget, theme: { accent: 7 } }));
    const error = await failure(client().widgets.get("wgt_demo"));
    expect(error).toMatchObject({ status: 200, code: "invalid_response", method: "GET" });
    expect(error.issues.map((issue) => issue.path.join("."))).toContain("theme.accent");
    expect(error.cause).toHaveProperty("issues");
  });

  it("a 2xx body that is not JSON is invalid_response", async () => {
    route("post", "widgets/wgt_demo/bookings", () => HttpResponse.text("<html>ok</html>", { status: 201 }));
    const error = await failure(client().bookings.create("wgt_demo", request));
    expect(error).toMatchObject({ status: 201, code: "invalid_response" });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("no answer", () => {
  it("a network error is network_error with status 0", async () => {
    route("get", "widgets/wgt_demo", () => HttpResponse.error());
    const error = await failure(client().widgets.get("wgt_demo"));
    expect(error).toMatchObject({ status: 0, code: "network_error", url: `${BASE}/v1/widgets/wgt_demo` });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("a slow server is timeout after the configured time", async () => {
    route("get", "widgets/wgt_demo", async () => {
      await delay(2_000);
      return HttpResponse.json(publicWidget);
    });
    const started = performance.now();
    const error = await failure(client({ timeout: 50 }).widgets.get("wgt_demo"));
    expect(error).toMatchObject({ status: 0, code: "timeout", title: "Request timed out" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("an abort rejects promptly with the AbortError itself", async () => {
    route("get", "widgets/wgt_demo", async () => {
      await delay(5_000);
      return HttpResponse.json(publicWidget);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await client()
      .widgets.get("wgt_demo", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SlotbookError);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("an abort during the wait between retries rejects promptly too", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () => problem("unavailable"));
    const controller = new AbortController();
    const sdk = client({ retry: { limit: 3, delay: () => 10_000 } });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await sdk.bookings
      .create("wgt_demo", request, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(received).toHaveLength(1);
  });

  it("the client-wide signal aborts every call", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () =>
      HttpResponse.json(bookingCreated, { status: 201 }),
    );
    const controller = new AbortController();
    controller.abort();
    const error = await client({ signal: controller.signal })
      .bookings.create("wgt_demo", request)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(received).toHaveLength(0);
  });
});
