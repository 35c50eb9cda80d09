/** @module Tests of the retry policy: what is retried, how often, after how long, and under which key. */
import { delay, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { SlotbookError } from "../errors/slotbook-error.js";
import { createAdminClient } from "./admin-client.js";
import { BASE, booking, bookingCreated, problem, publicWidget, useMockApi } from "./mock-api.test.helper.js";
import type { ClientOptions } from "./options.js";
import { createClient } from "./public-client.js";

const { route } = useMockApi();
const fast = { limit: 2, delay: () => 1 };
const client = (retry: ClientOptions["retry"] = fast) => createClient({ baseUrl: BASE, retry });
const request = { slotId: "slot_a", name: "Ada", email: "ada@example.com" };

/** Fails the first `failures` attempts with `fail()`, then answers `ok()`. */
const flaky = (failures: number, fail: () => Response, ok: () => Response) => (_: unknown, attempt: number) =>
  attempt <= failures ? fail() : ok();

describe("retries", () => {
  it("retries a GET on 503 and resolves once the server is back", async () => {
    const received = route(
      "get",
      "widgets/wgt_demo",
      flaky(
        2,
        () => problem("unavailable"),
        () => HttpResponse.json(publicWidget),
      ),
    );
    await expect(client().widgets.get("wgt_demo")).resolves.toEqual(publicWidget);
    expect(received).toHaveLength(3);
  });

  it.each([408, 500, 502, 504])("retries a GET on %i", async (status) => {
    const received = route(
      "get",
      "widgets/wgt_demo",
      flaky(
        1,
        () => new HttpResponse(null, { status }),
        () => HttpResponse.json(publicWidget),
      ),
    );
    await expect(client().widgets.get("wgt_demo")).resolves.toEqual(publicWidget);
    expect(received).toHaveLength(2);
  });

  it("stops after the limit and rejects with the last error", async () => {
    const received = route("get", "widgets/wgt_demo", () => problem("unavailable"));
    await expect(client({ limit: 3, delay: () => 1 }).widgets.get("wgt_demo")).rejects.toMatchObject({
      code: "unavailable",
    });
    expect(received).toHaveLength(4);
  });

  it("limit 0 sends once", async () => {
    const received = route("get", "widgets/wgt_demo", () => problem("unavailable"));
    await expect(client(0).widgets.get("wgt_demo")).rejects.toBeInstanceOf(SlotbookError);
    expect(received).toHaveLength(1);
  });

  it("passes the retry number to a custom delay", async () => {
    route("get", "widgets/wgt_demo", () => problem("internal_error"));
    const delay = vi.fn(() => 1);
    await expect(client({ limit: 2, delay }).widgets.get("wgt_demo")).rejects.toBeInstanceOf(SlotbookError);
    expect(delay.mock.calls).toEqual([[1], [2]]);
  });

  it.each(["bad_request", "not_found", "slot_full", "validation_failed"] as const)(
    "does not retry %s",
    async (code) => {
      const received = route("post", "widgets/wgt_demo/bookings", () => problem(code));
      await expect(client().bookings.create("wgt_demo", request)).rejects.toMatchObject({ code });
      expect(received).toHaveLength(1);
    },
  );

  it("retries bookings.create on 503 with the same generated Idempotency-Key", async () => {
    const received = route(
      "post",
      "widgets/wgt_demo/bookings",
      flaky(
        2,
        () => problem("unavailable"),
        () => HttpResponse.json(bookingCreated, { status: 201 }),
      ),
    );
    await expect(client().bookings.create("wgt_demo", request)).resolves.toEqual(bookingCreated);
    const keys = received.map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    expect(received.every((r) => JSON.stringify(r.body) === JSON.stringify(request))).toBe(true);
  });

  it("retries bookings.create after a network error with the caller's key", async () => {
    const received = route(
      "post",
      "widgets/wgt_demo/bookings",
      flaky(
        1,
        () => HttpResponse.error(),
        () => HttpResponse.json(bookingCreated, { status: 201 }),
      ),
    );
    await client().bookings.create("wgt_demo", request, { idempotencyKey: "mine" });
    expect(received.map((r) => r.headers.get("idempotency-key"))).toEqual(["mine", "mine"]);
  });

  it("retries a network error on GET up to the limit, then rejects with network_error", async () => {
    const received = route("get", "widgets/wgt_demo", () => HttpResponse.error());
    await expect(client().widgets.get("wgt_demo")).rejects.toMatchObject({ code: "network_error", status: 0 });
    expect(received).toHaveLength(3);
  });

  it("does not retry a POST without an Idempotency-Key", async () => {
    const created = route("post", "admin/widgets", () => problem("unavailable"));
    const cancelled = route("post", "bookings/bkg_1/cancel", () => HttpResponse.error());
    const admin = createAdminClient({ baseUrl: BASE, apiKey: "sk_test", retry: fast });
    await expect(admin.widgets.create({ title: "T" })).rejects.toMatchObject({ code: "unavailable" });
    await expect(client().bookings.cancel("bkg_1", { token: "t" })).rejects.toMatchObject({ code: "network_error" });
    expect(created).toHaveLength(1);
    expect(cancelled).toHaveLength(1);
  });

  describe("timeouts (a slow phone network)", () => {
    // 50 ms timeout against a 400 ms first answer: the first attempt always times out, the second answers at once.
    const slowClient = () => createClient({ baseUrl: BASE, retry: fast, timeout: 50 });
    const slowFirst =
      (ok: () => Response) =>
      async (_: unknown, attempt: number): Promise<Response> => {
        if (attempt === 1) await delay(400);
        return ok();
      };

    it("retries a GET that timed out", async () => {
      const received = route(
        "get",
        "widgets/wgt_demo",
        slowFirst(() => HttpResponse.json(publicWidget)),
      );
      await expect(slowClient().widgets.get("wgt_demo")).resolves.toEqual(publicWidget);
      expect(received).toHaveLength(2);
    });

    it("retries bookings.create that timed out, under the same Idempotency-Key", async () => {
      const received = route(
        "post",
        "widgets/wgt_demo/bookings",
        slowFirst(() => HttpResponse.json(bookingCreated, { status: 201 })),
      );
      await expect(slowClient().bookings.create("wgt_demo", request)).resolves.toEqual(bookingCreated);
      const keys = received.map((r) => r.headers.get("idempotency-key"));
      expect(keys).toHaveLength(2);
      expect(keys[0]).toBeTruthy();
      expect(keys[1]).toBe(keys[0]);
    });

    it("does not retry a POST without an Idempotency-Key that timed out", async () => {
      const received = route(
        "post",
        "bookings/bkg_1/cancel",
        slowFirst(() => HttpResponse.json({ ...booking, status: "cancelled" })),
      );
      await expect(slowClient().bookings.cancel("bkg_1", { token: "t" })).rejects.toMatchObject({ code: "timeout" });
      expect(received).toHaveLength(1);
    });

    it("gives up with a timeout error after the limit", async () => {
      const received = route("get", "widgets/wgt_demo", async () => {
        await delay(400);
        return HttpResponse.json(publicWidget);
      });
      await expect(slowClient().widgets.get("wgt_demo")).rejects.toMatchObject({ code: "timeout" });
      expect(received).toHaveLength(3);
    });
  });

  it("does not retry a PATCH", async () => {
    const received = route("patch", "admin/widgets/wgt_demo", () => problem("unavailable"));
    const admin = createAdminClient({ baseUrl: BASE, apiKey: "sk_test", retry: fast });
    await expect(admin.widgets.update("wgt_demo", { title: "T" })).rejects.toBeInstanceOf(SlotbookError);
    expect(received).toHaveLength(1);
  });

  it("waits out a short Retry-After on 429 before retrying", async () => {
    const received = route(
      "get",
      "bookings/bkg_1",
      flaky(
        1,
        () => problem("rate_limited", {}, { "retry-after": "1" }),
        () => HttpResponse.json(booking),
      ),
    );
    const started = performance.now();
    await expect(client().bookings.get("bkg_1", { token: "t" })).resolves.toEqual(booking);
    // The delay function says 1 ms; only the header can account for the ~1 s wait.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(received).toHaveLength(2);
  });

  it("hands a Retry-After longer than maxRetryAfter back to the caller at once", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () =>
      problem("rate_limited", {}, { "retry-after": "120" }),
    );
    const started = performance.now();
    const error = await client({ ...fast, maxRetryAfter: 5_000 })
      .bookings.create("wgt_demo", request)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfter: 120 });
    expect(received).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
