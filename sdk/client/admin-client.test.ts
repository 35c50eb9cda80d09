/** @module Tests of `createAdminClient`: each admin route's method, path, key and body, and the parsed answer. */
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SlotbookError } from "../errors/slotbook-error.js";
import { createAdminClient } from "./admin-client.js";
import { adminBooking, adminSlot, BASE, useMockApi, widget } from "./mock-api.test.helper.js";

const { route } = useMockApi();
const admin = () => createAdminClient({ baseUrl: BASE, apiKey: "sk_test", retry: { limit: 2, delay: () => 1 } });

describe("createAdminClient", () => {
  it("needs an apiKey", () => {
    // @ts-expect-error apiKey is required
    expect(() => createAdminClient({ baseUrl: BASE })).toThrow(TypeError);
    expect(() => createAdminClient({ baseUrl: BASE, apiKey: "" })).toThrow(TypeError);
  });

  it("widgets.create posts the widget with the API key and resolves the created widget", async () => {
    const received = route("post", "admin/widgets", () => HttpResponse.json(widget, { status: 201 }));
    await expect(admin().widgets.create({ title: "Free demo class" })).resolves.toEqual(widget);
    expect(received[0]!.body).toEqual({ title: "Free demo class" });
    expect(received[0]!.headers.get("authorization")).toBe("Bearer sk_test");
  });

  it("widgets.list unwraps { data }", async () => {
    route("get", "admin/widgets", () => HttpResponse.json({ data: [widget] }));
    await expect(admin().widgets.list()).resolves.toEqual([widget]);
  });

  it("widgets.get, update and delete hit /admin/widgets/{id}", async () => {
    route("get", "admin/widgets/wgt_demo", () => HttpResponse.json(widget));
    const patched = route("patch", "admin/widgets/wgt_demo", () => HttpResponse.json({ ...widget, title: "New" }));
    const deleted = route("delete", "admin/widgets/wgt_demo", () => new HttpResponse(null, { status: 204 }));
    const sdk = admin();
    await expect(sdk.widgets.get("wgt_demo")).resolves.toEqual(widget);
    await expect(sdk.widgets.update("wgt_demo", { title: "New", description: null })).resolves.toMatchObject({
      title: "New",
    });
    expect(patched[0]!.body).toEqual({ title: "New", description: null });
    await expect(sdk.widgets.delete("wgt_demo")).resolves.toBeUndefined();
    expect(deleted).toHaveLength(1);
  });

  it("slots.create wraps the list in { slots } and unwraps the answer", async () => {
    const received = route("post", "admin/widgets/wgt_demo/slots", () =>
      HttpResponse.json({ slots: [adminSlot] }, { status: 201 }),
    );
    const input = [{ startsAt: "2026-12-01T14:00:00Z", endsAt: "2026-12-01T15:00:00Z", capacity: 10 }];
    await expect(admin().slots.create("wgt_demo", input)).resolves.toEqual([adminSlot]);
    expect(received[0]!.body).toEqual({ slots: input });
  });

  it("slots.list and slots.update", async () => {
    route("get", "admin/widgets/wgt_demo/slots", () => HttpResponse.json({ slots: [adminSlot] }));
    const patched = route("patch", "admin/slots/slot_a", () => HttpResponse.json({ ...adminSlot, capacity: 12 }));
    await expect(admin().slots.list("wgt_demo")).resolves.toEqual([adminSlot]);
    await expect(admin().slots.update("slot_a", { capacity: 12 })).resolves.toMatchObject({ capacity: 12 });
    expect(patched[0]!.body).toEqual({ capacity: 12 });
  });

  it("slots.delete resolves undefined on 204 and the cancelled slot on 200", async () => {
    route("delete", "admin/slots/slot_gone", () => new HttpResponse(null, { status: 204 }));
    const cancelled = { ...adminSlot, status: "cancelled" };
    route("delete", "admin/slots/slot_a", () => HttpResponse.json(cancelled));
    await expect(admin().slots.delete("slot_gone")).resolves.toBeUndefined();
    await expect(admin().slots.delete("slot_a")).resolves.toEqual(cancelled);
  });

  it("bookings.list sends the query and returns { data, nextCursor }", async () => {
    const received = route("get", "admin/bookings", () =>
      HttpResponse.json({ data: [adminBooking], nextCursor: "c2" }),
    );
    const page = await admin().bookings.list({ widgetId: "wgt_demo", email: "ada@example.com", limit: 50 });
    expect(page).toEqual({ data: [adminBooking], nextCursor: "c2" });
    expect(Object.fromEntries(received[0]!.url.searchParams)).toEqual({
      widgetId: "wgt_demo",
      email: "ada@example.com",
      limit: "50",
    });
  });

  it("bookings.iterate follows nextCursor over every page", async () => {
    const pages: Record<string, { ids: string[]; next: string | null }> = {
      start: { ids: ["bkg_1", "bkg_2"], next: "c2" },
      c2: { ids: ["bkg_3"], next: "c3" },
      c3: { ids: ["bkg_4"], next: null },
    };
    const received = route("get", "admin/bookings", ({ url }) => {
      const page = pages[url.searchParams.get("cursor") ?? "start"]!;
      return HttpResponse.json({ data: page.ids.map((id) => ({ ...adminBooking, id })), nextCursor: page.next });
    });
    const ids: string[] = [];
    for await (const b of admin().bookings.iterate({ widgetId: "wgt_demo", limit: 2 })) ids.push(b.id);
    expect(ids).toEqual(["bkg_1", "bkg_2", "bkg_3", "bkg_4"]);
    expect(received.map((r) => r.url.searchParams.get("cursor"))).toEqual([null, "c2", "c3"]);
    expect(received.every((r) => r.url.searchParams.get("widgetId") === "wgt_demo")).toBe(true);
  });

  it("bookings.iterate stops with invalid_response when the server repeats a cursor", async () => {
    route("get", "admin/bookings", () => HttpResponse.json({ data: [adminBooking], nextCursor: "same" }));
    const seen: string[] = [];
    const run = async () => {
      for await (const b of admin().bookings.iterate()) seen.push(b.id);
    };
    await expect(run()).rejects.toMatchObject({ code: "invalid_response" });
    expect(seen).toHaveLength(2);
  });

  it("bookings.get and bookings.erase hit /admin/bookings/{id}", async () => {
    const erased = { ...adminBooking, status: "erased", name: undefined, email: undefined };
    route("get", "admin/bookings/bkg_1", () => HttpResponse.json(adminBooking));
    const removed = route("delete", "admin/bookings/bkg_1", () => HttpResponse.json(erased));
    await expect(admin().bookings.get("bkg_1")).resolves.toEqual(adminBooking);
    await expect(admin().bookings.erase("bkg_1")).resolves.toMatchObject({ status: "erased" });
    expect(removed).toHaveLength(1);
  });

  it("bookings.cancel posts to /admin/bookings/{id}/cancel, with notify only when given", async () => {
    const cancelled = {
      ...adminBooking,
      status: "cancelled",
      cancelledAt: adminBooking.createdAt,
      cancelReason: "admin",
    };
    const received = route("post", "admin/bookings/bkg_1/cancel", () => HttpResponse.json(cancelled));
    await expect(admin().bookings.cancel("bkg_1")).resolves.toEqual(cancelled);
    await admin().bookings.cancel("bkg_1", { notify: false });
    expect(received.map((r) => r.body)).toEqual([{}, { notify: false }]);
    expect(received[0]!.headers.get("authorization")).toBe("Bearer sk_test");
  });

  it("bookings.exportCsv returns the CSV text", async () => {
    const csv = "id,name\r\nbkg_1,'=cmd\r\n";
    const received = route(
      "get",
      "admin/bookings/export.csv",
      () => new HttpResponse(csv, { headers: { "content-type": "text/csv; charset=utf-8" } }),
    );
    await expect(admin().bookings.exportCsv({ widgetId: "wgt_demo" })).resolves.toBe(csv);
    expect(received[0]!.url.searchParams.get("widgetId")).toBe("wgt_demo");
    expect(received[0]!.headers.get("accept")).toBe("text/csv");
  });

  it("bookings.exportCsv refuses an answer that is not CSV", async () => {
    route("get", "admin/bookings/export.csv", () => HttpResponse.html("<h1>login</h1>"));
    const error = await admin()
      .bookings.exportCsv({ widgetId: "wgt_demo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotbookError);
    expect(error).toMatchObject({ code: "invalid_response", status: 200 });
  });

  it("keys.create posts the label and resolves the key with its secret", async () => {
    const key = { id: "key_1", label: "CRM", createdAt: "2026-12-01T09:00:00.000Z", secret: `sk_${"a".repeat(43)}` };
    const received = route("post", "admin/keys", () => HttpResponse.json(key, { status: 201 }));
    await expect(admin().keys.create({ label: "CRM" })).resolves.toEqual(key);
    expect(received[0]!.body).toEqual({ label: "CRM" });
    await admin().keys.create();
    expect(received[1]!.body).toEqual({});
  });

  it("keys.list resolves { data, bootstrapKey }, and refuses an answer that leaks a hash", async () => {
    const listing = {
      data: [{ id: "key_1", label: null, createdAt: "2026-12-01T09:00:00.000Z", lastUsedAt: null }],
      bootstrapKey: true,
    };
    route("get", "admin/keys", () => HttpResponse.json(listing));
    await expect(admin().keys.list()).resolves.toEqual(listing);
    // zod/mini objects strip unknown keys: a hash in the answer never reaches the caller.
    const leaky = { ...listing, data: [{ ...listing.data[0], hash: "abc" }] };
    route("get", "admin/keys", () => HttpResponse.json(leaky));
    expect((await admin().keys.list()).data[0]).not.toHaveProperty("hash");
  });

  it("keys.revoke deletes /admin/keys/{id} and resolves undefined", async () => {
    const deleted = route("delete", "admin/keys/key_1", () => new HttpResponse(null, { status: 204 }));
    await expect(admin().keys.revoke("key_1")).resolves.toBeUndefined();
    expect(deleted).toHaveLength(1);
    await expect(admin().keys.revoke("..")).rejects.toThrow(TypeError);
  });

  it("turns a 401 into a SlotbookError", async () => {
    route("get", "admin/widgets", () =>
      HttpResponse.json(
        { type: "https://slotbook.dev/errors/unauthorized", title: "Unauthorized", status: 401, code: "unauthorized" },
        { status: 401, headers: { "content-type": "application/problem+json" } },
      ),
    );
    await expect(admin().widgets.list()).rejects.toMatchObject({
      name: "SlotbookError",
      status: 401,
      code: "unauthorized",
    });
  });
});
