/** @module Tests of `createClient`: each call's method, path, headers and body, and the parsed answer. */
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { BASE, booking, bookingCreated, publicWidget, slot, useMockApi } from "./mock-api.test.helper.js";
import { createClient } from "./public-client.js";

const { route } = useMockApi();
const client = () => createClient({ baseUrl: BASE, retry: { limit: 2, delay: () => 1 } });
const request = { slotId: "slot_a", name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 7946 0958" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("createClient", () => {
  it("widgets.get reads the public widget config", async () => {
    const received = route("get", "widgets/wgt_demo", () => HttpResponse.json(publicWidget));
    await expect(client().widgets.get("wgt_demo")).resolves.toEqual(publicWidget);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.get("accept")).toContain("application/json");
    expect(received[0]!.headers.get("authorization")).toBeNull();
  });

  it("slots.list sends the window as ISO strings and returns the slots array", async () => {
    const received = route("get", "widgets/wgt_demo/slots", () => HttpResponse.json({ slots: [slot] }));
    const from = new Date("2026-12-01T00:00:00Z");
    await expect(client().slots.list("wgt_demo", { from, to: "2026-12-31T00:00:00.000Z" })).resolves.toEqual([slot]);
    expect(received[0]!.url.searchParams.get("from")).toBe("2026-12-01T00:00:00.000Z");
    expect(received[0]!.url.searchParams.get("to")).toBe("2026-12-31T00:00:00.000Z");
  });

  it("slots.list without a window sends no query", async () => {
    const received = route("get", "widgets/wgt_demo/slots", () => HttpResponse.json({ slots: [] }));
    await expect(client().slots.list("wgt_demo")).resolves.toEqual([]);
    expect(received[0]!.url.search).toBe("");
  });

  it("slots.list follows nextFrom with the same to until the window is read whole", async () => {
    const second = { ...slot, id: "slot_b", startsAt: "2026-12-02T14:00:00.000Z", endsAt: "2026-12-02T15:00:00.000Z" };
    const received = route("get", "widgets/wgt_demo/slots", ({ url }) =>
      url.searchParams.get("from") === second.startsAt
        ? HttpResponse.json({ slots: [second] })
        : HttpResponse.json({ slots: [slot], nextFrom: second.startsAt }),
    );
    const to = "2026-12-31T00:00:00.000Z";
    await expect(client().slots.list("wgt_demo", { from: "2026-12-01T00:00:00.000Z", to })).resolves.toEqual([
      slot,
      second,
    ]);
    expect(received.map((r) => [r.url.searchParams.get("from"), r.url.searchParams.get("to")])).toEqual([
      ["2026-12-01T00:00:00.000Z", to],
      [second.startsAt, to],
    ]);
  });

  it("slots.list without a to keeps the first page's 30-day window on the pages after it", async () => {
    const received = route("get", "widgets/wgt_demo/slots", ({ url }) =>
      url.searchParams.has("from")
        ? HttpResponse.json({ slots: [] })
        : HttpResponse.json({ slots: [slot], nextFrom: "2999-01-01T00:00:00.000Z" }),
    );
    const before = Date.now();
    await expect(client().slots.list("wgt_demo")).resolves.toEqual([slot]);
    expect(received).toHaveLength(2);
    const to = Date.parse(received[1]!.url.searchParams.get("to")!);
    expect(to).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(to).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
  });

  it("slots.list stops when a nextFrom does not move forward", async () => {
    const received = route("get", "widgets/wgt_demo/slots", () =>
      HttpResponse.json({ slots: [slot], nextFrom: "2026-12-01T00:00:00.000Z" }),
    );
    const list = await client().slots.list("wgt_demo", { from: "2026-12-01T00:00:00.000Z" });
    expect(list).toEqual([slot]);
    expect(received).toHaveLength(1);
  });

  it("bookings.create posts the request with the given Idempotency-Key and resolves 201", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () =>
      HttpResponse.json(bookingCreated, { status: 201 }),
    );
    const result = await client().bookings.create("wgt_demo", request, { idempotencyKey: "key-1" });
    expect(result).toEqual(bookingCreated);
    expect(received[0]!.body).toEqual(request);
    expect(received[0]!.headers.get("idempotency-key")).toBe("key-1");
    expect(received[0]!.headers.get("content-type")).toBe("application/json");
  });

  it("bookings.create makes a fresh UUID key per call when none is given", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () =>
      HttpResponse.json(bookingCreated, { status: 201 }),
    );
    const sdk = client();
    await sdk.bookings.create("wgt_demo", request);
    await sdk.bookings.create("wgt_demo", request);
    const keys = received.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toMatch(UUID);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("bookings.create rejects an idempotency key over 255 characters without sending", async () => {
    const received = route("post", "widgets/wgt_demo/bookings", () =>
      HttpResponse.json(bookingCreated, { status: 201 }),
    );
    await expect(client().bookings.create("wgt_demo", request, { idempotencyKey: "k".repeat(256) })).rejects.toThrow(
      TypeError,
    );
    expect(received).toHaveLength(0);
  });

  it("bookings.get sends the manage token as a bearer token", async () => {
    const received = route("get", "bookings/bkg_1", () => HttpResponse.json(booking));
    await expect(client().bookings.get("bkg_1", { token: "mt_secret" })).resolves.toEqual(booking);
    expect(received[0]!.headers.get("authorization")).toBe("Bearer mt_secret");
  });

  it("bookings.cancel posts to /cancel and returns the cancelled booking", async () => {
    const cancelled = { ...booking, status: "cancelled", cancelledAt: "2026-11-02T10:00:00.000Z" };
    const received = route("post", "bookings/bkg_1/cancel", () => HttpResponse.json(cancelled));
    await expect(client().bookings.cancel("bkg_1", { token: "mt_secret" })).resolves.toEqual(cancelled);
    expect(received[0]!.headers.get("authorization")).toBe("Bearer mt_secret");
    expect(received[0]!.body).toBeUndefined();
  });

  it("bookings.reschedule posts { slotId } with the token", async () => {
    const moved = { ...booking, slot: { ...booking.slot, id: "slot_b" } };
    const received = route("post", "bookings/bkg_1/reschedule", () => HttpResponse.json(moved));
    await expect(client().bookings.reschedule("bkg_1", { slotId: "slot_b" }, { token: "mt_secret" })).resolves.toEqual(
      moved,
    );
    expect(received[0]!.body).toEqual({ slotId: "slot_b" });
    expect(received[0]!.headers.get("authorization")).toBe("Bearer mt_secret");
  });

  it("bookings.inviteUrl builds the .ics link with the token in the query", () => {
    const sdk = createClient({ baseUrl: `${BASE}/base/` });
    expect(sdk.bookings.inviteUrl("bkg_1", { token: "a b&c" })).toBe(
      `${BASE}/base/v1/bookings/bkg_1/invite.ics?token=a+b%26c`,
    );
  });

  it("encodes ids so they cannot leave their path segment", async () => {
    const received = route("get", "widgets/:id", () => HttpResponse.json(publicWidget));
    await client().widgets.get("../admin/widgets");
    expect(received[0]!.url.pathname).toBe("/v1/widgets/..%2Fadmin%2Fwidgets");
  });

  it.each([".", "..", ""])("rejects the id %j with a TypeError before sending anything", async (id) => {
    const received = route("get", "bookings/:id", () => HttpResponse.json(booking));
    const widgets = route("get", "widgets/:id", () => HttpResponse.json(publicWidget));
    await expect(client().bookings.get(id, { token: "mt_secret" })).rejects.toThrow(TypeError);
    await expect(client().widgets.get(id)).rejects.toThrow(TypeError);
    await expect(client().bookings.cancel(id, { token: "mt_secret" })).rejects.toThrow(TypeError);
    expect([...received, ...widgets]).toHaveLength(0);
  });

  it("rejects a call without a token before sending anything", async () => {
    await expect(client().bookings.get("bkg_1", { token: "" })).rejects.toThrow(TypeError);
  });

  it("uses a custom fetch and the client's headers", async () => {
    const seen: Request[] = [];
    const sdk = createClient({
      baseUrl: BASE,
      headers: { "x-app": "demo" },
      fetch: async (input) => {
        seen.push(input);
        return Response.json(publicWidget);
      },
    });
    await expect(sdk.widgets.get("wgt_demo")).resolves.toEqual(publicWidget);
    expect(seen[0]!.url).toBe(`${BASE}/v1/widgets/wgt_demo`);
    expect(seen[0]!.headers.get("x-app")).toBe("demo");
  });
});
