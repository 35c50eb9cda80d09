/** @module Admin routes: auth, widgets, slots, bookings (paging, email lookup, erase), CSV export, on every store engine. */
import { describe, expect, it } from "vitest";
import { adminBookingSchema, bookingListSchema, widgetSchema } from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();

describe.each(engines)("admin routes on $name", (factory) => {
  const t = useTestApi(factory);

  it("requires a valid admin key", async () => {
    const none = await t.call("GET", "/v1/admin/widgets");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await t.call("GET", "/v1/admin/widgets", { headers: { authorization: "Bearer sk_wrong" } })).status).toBe(
      401,
    );
    expect((await t.admin("GET", "/v1/admin/widgets")).status).toBe(200);
  });

  it("creates widgets with defaults, lists, reads, updates (null clears) and deletes them", async () => {
    const created = await t.admin("POST", "/v1/admin/widgets", { title: "  Spanish A1  ", description: "Try a class" });
    expect(created.status).toBe(201);
    const widget = widgetSchema.parse(await created.json());
    expect(widget).toMatchObject({
      title: "Spanish A1",
      locale: "en",
      timezone: "UTC",
      theme: { accent: "#4f46e5", radius: 12, mode: "auto" },
      phone: "optional",
      fields: [],
      allowedOrigins: ["*"],
      status: "active",
      notifyEmails: [],
    });
    expect((await (await t.admin("GET", "/v1/admin/widgets")).json()).data).toHaveLength(1);
    const patched = await (
      await t.admin("PATCH", `/v1/admin/widgets/${widget.id}`, {
        description: null,
        timezone: "Asia/Kolkata",
        theme: { accent: "#0f766e", radius: 4, mode: "dark" },
      })
    ).json();
    expect(patched).toMatchObject({ title: "Spanish A1", timezone: "Asia/Kolkata", theme: { mode: "dark" } });
    expect(patched).not.toHaveProperty("description");
    expect((await (await t.admin("GET", `/v1/admin/widgets/${widget.id}`)).json()).timezone).toBe("Asia/Kolkata");
    expect((await t.admin("DELETE", `/v1/admin/widgets/${widget.id}`)).status).toBe(204);
    expect((await t.admin("GET", `/v1/admin/widgets/${widget.id}`)).status).toBe(404);
  });

  it("validates widget bodies with field issues", async () => {
    const res = await t.admin("POST", "/v1/admin/widgets", {
      title: "",
      timezone: "Mars/Base",
      allowedOrigins: ["https://a.example/path"],
    });
    expect(res.status).toBe(422);
    const paths = (await res.json()).issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["title", "timezone", "allowedOrigins.0"]));
  });

  it("reads phoneCountry from the time zone until one is set; null goes back to the zone's; no plan, no country", async () => {
    const widgetAt = async (path: string, method = "GET", body?: unknown) =>
      widgetSchema.parse(await (await t.admin(method, path, body)).json());
    const { id } = await widgetAt("/v1/admin/widgets", "POST", { title: "T", timezone: "Europe/Berlin" });
    const path = `/v1/admin/widgets/${id}`;
    expect(await widgetAt(path)).toMatchObject({ phoneCountry: "DE", phoneExample: "01512 3456789" });
    // A default, not a setting: it follows the zone.
    expect(await widgetAt(path, "PATCH", { timezone: "Asia/Kolkata" })).toMatchObject({ phoneCountry: "IN" });
    expect(await widgetAt(path, "PATCH", { phoneCountry: "us" })).toMatchObject({
      phoneCountry: "US",
      phoneExample: "(201) 555-0123",
    });
    expect(await widgetAt(path, "PATCH", { timezone: "Europe/Berlin" })).toMatchObject({ phoneCountry: "US" });
    expect(await widgetAt(path, "PATCH", { phoneCountry: null })).toMatchObject({ phoneCountry: "DE" });
    const utc = await widgetAt(path, "PATCH", { timezone: "UTC" });
    expect(utc).not.toHaveProperty("phoneCountry");
    expect(utc).not.toHaveProperty("phoneExample");
    const public_ = await (await t.call("GET", `/v1/widgets/${id}`)).json();
    expect(public_).not.toHaveProperty("phoneCountry");
    for (const [phoneCountry, message] of [
      ["AQ", "No phone numbering plan is known for AQ"],
      ["Germany", "Use a two-letter country code like DE (ISO 3166-1)"],
    ]) {
      const res = await t.admin("PATCH", path, { phoneCountry });
      expect(res.status).toBe(422);
      expect((await res.json()).issues).toEqual([{ path: ["phoneCountry"], code: expect.any(String), message }]);
    }
    const refused = await t.admin("POST", "/v1/admin/widgets", { title: "T", phoneCountry: "AQ" });
    expect(refused.status).toBe(422);
  });

  it("stores a redirect URL the way new URL() writes it, so the widget (which checks https?://) follows it", async () => {
    const created = await t.admin("POST", "/v1/admin/widgets", {
      title: "T",
      redirectUrl: "HTTPS://School.Example/Thanks",
    });
    const { id } = widgetSchema.parse(await created.json());
    expect((await (await t.call("GET", `/v1/widgets/${id}`)).json()).redirectUrl).toBe("https://school.example/Thanks");
    const patched = await t.admin("PATCH", `/v1/admin/widgets/${id}`, { redirectUrl: "HTTP://School.Example:80/" });
    expect((await patched.json()).redirectUrl).toBe("http://school.example/");
    const bad = await t.admin("PATCH", `/v1/admin/widgets/${id}`, { redirectUrl: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
  });

  it("creates, lists, updates and deletes slots; a slot with bookings is cancelled, not deleted", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [2, 2] });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    const list = await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json();
    expect(list.slots.map((s: { booked: number }) => s.booked)).toEqual([1, 0]);
    const tooSmall = await t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { capacity: 0 });
    expect(tooSmall.status).toBe(422);
    const belowBooked = await t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { capacity: 1, label: "Intro" });
    expect(await belowBooked.json()).toMatchObject({ capacity: 1, label: "Intro", remaining: 0 });
    const bad = await t.admin("PATCH", `/v1/admin/slots/${slotIds[1]}`, {
      capacity: 1,
      endsAt: "2020-01-01T00:00:00Z",
    });
    expect(bad.status).toBe(422);
    const cancelled = await t.admin("DELETE", `/v1/admin/slots/${slotIds[0]}`);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("cancelled");
    expect((await t.admin("DELETE", `/v1/admin/slots/${slotIds[1]}`)).status).toBe(204);
    expect((await t.admin("DELETE", `/v1/admin/slots/${slotIds[1]}`)).status).toBe(404);
    expect((await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json()).slots).toHaveLength(1);
  });

  it("refuses capacity below the seats booked", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [3] });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, { email: "b@example.com" }),
    });
    const res = await t.admin("PATCH", `/v1/admin/slots/${slotIds[0]}`, { capacity: 1 });
    expect(res.status).toBe(422);
    expect((await res.json()).issues[0].path).toEqual(["capacity"]);
  });

  it("pages bookings newest first with a cursor, filters, and finds an email exactly", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [20] });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      t.setNow(new Date(Date.now() + i * 1000));
      const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { email: `p${i}@example.com` }),
      });
      ids.push((await res.json()).booking.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `widgetId=${widgetId}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = bookingListSchema.parse(await (await t.admin("GET", `/v1/admin/bookings?${query}`)).json());
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((b) => b.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const found = await (
      await t.admin("GET", `/v1/admin/bookings?email=${encodeURIComponent(" P3@Example.com ")}`)
    ).json();
    expect(found.data.map((b: { id: string }) => b.id)).toEqual([ids[3]]);
    expect((await (await t.admin("GET", "/v1/admin/bookings?email=p3@example.co")).json()).data).toHaveLength(0);
    expect((await t.admin("GET", "/v1/admin/bookings?limit=1000")).status).toBe(400);
    expect((await t.admin("GET", "/v1/admin/bookings?cursor=garbage")).status).toBe(400);
    expect((await (await t.admin("GET", "/v1/admin/bookings?status=cancelled")).json()).data).toHaveLength(0);
  });

  it("erases personal data for good and frees the seat", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [1] });
    const { booking } = await (
      await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) })
    ).json();
    const erased = adminBookingSchema.parse(await (await t.admin("DELETE", `/v1/admin/bookings/${booking.id}`)).json());
    expect(erased.status).toBe("erased");
    expect(erased.erasedAt).toBeTruthy();
    for (const field of ["name", "email", "phone", "answers", "context"]) expect(erased).not.toHaveProperty(field);
    const again = await (await t.admin("GET", `/v1/admin/bookings/${booking.id}`)).json();
    expect(again.status).toBe("erased");
    expect(again).not.toHaveProperty("email");
    expect((await (await t.admin("GET", "/v1/admin/bookings?email=ada@example.com")).json()).data).toHaveLength(0);
    expect(
      (
        await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
          body: bookingBody(slotIds[0]!, { email: "next@example.com" }),
        })
      ).status,
    ).toBe(201);
    expect((await t.admin("DELETE", "/v1/admin/bookings/bkg_nope")).status).toBe(404);
  });

  it("exports CSV with every booking and formula cells escaped", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [5] });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, { name: '=HYPERLINK("http://x")', context: { utm: { source: "@news" } } }),
    });
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, { email: "b@example.com", name: 'Bo, "Jr"' }),
    });
    const res = await t.admin("GET", `/v1/admin/bookings/export.csv?widgetId=${widgetId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id,widget_id,status/);
    const csv = lines.join("\n");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@news");
    expect(csv).toContain(`"Bo, ""Jr"""`);
    expect((await t.admin("GET", "/v1/admin/bookings/export.csv?widgetId=wgt_nope")).status).toBe(404);
  });

  it("stops reading bookings for the CSV once the client goes away", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [8] });
    for (let i = 0; i < 8; i++) {
      await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { email: `p${i}@example.com` }),
      });
    }
    let read = 0;
    const original = t.store.streamBookings.bind(t.store);
    t.store.streamBookings = async function* (...args) {
      for await (const row of original(...args)) {
        read++;
        yield row;
      }
    };
    const res = await t.admin("GET", `/v1/admin/bookings/export.csv?widgetId=${widgetId}`);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBeLessThanOrEqual(2);
  });

  it("breaks the CSV transfer (and logs) when a row cannot be read, rather than ending it cleanly", async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = await makeTestApi(factory, { log: (line) => lines.push(line) });
    try {
      const { widgetId, slotIds } = await logged.seed({ capacities: [5] });
      for (const email of ["a@example.com", "b@example.com"]) {
        await logged.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!, { email }) });
      }
      const [, second] = await logged.store.listBookings({ widgetId, limit: 10 });
      await logged.store.updateBooking(second!.id, { pii: "v1.tampered.envelope" });
      const res = await logged.admin("GET", `/v1/admin/bookings/export.csv?widgetId=${widgetId}`);
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(lines).toContainEqual(expect.objectContaining({ level: "error", msg: "csv export failed" }));
    } finally {
      await logged.cleanup();
    }
  });
});
