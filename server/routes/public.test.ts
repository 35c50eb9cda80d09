/** @module The public widget, slot and booking routes, through app.request(), on every store engine. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { problemSchema, slotListSchema } from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, type TestApi } from "../testing/api-harness.js";

const engines = await testStores();

describe.each(engines)("public routes on $name", (factory) => {
  let t: TestApi;
  beforeEach(async () => {
    t = await makeTestApi(factory);
  });
  afterEach(() => t.cleanup());

  const book = (widgetId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body, headers });

  async function expectProblem(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = problemSchema.parse(await res.json());
    expect(body.code).toBe(code);
    expect(body.type).toBe(`https://slotbook.dev/errors/${code}`);
    return body;
  }

  it("serves the public config without internal fields", async () => {
    const { widgetId } = await t.seed({
      widget: { allowedOrigins: ["https://school.example"], notifyEmails: ["team@school.example"] },
    });
    const res = await t.call("GET", `/v1/widgets/${widgetId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: widgetId, title: "Demo class", locale: "en", timezone: "UTC", phone: "optional" });
    expect(body).not.toHaveProperty("allowedOrigins");
    expect(body).not.toHaveProperty("notifyEmails");
    expect(body).not.toHaveProperty("status");
  });

  it("serves the class's location and organiser in the public config (a visitor sees them before booking)", async () => {
    const online = await t.seed({
      widget: {
        location: { kind: "online", url: "https://meet.example/demo" },
        organizer: { name: "Maria Silva", email: "maria@school.example" },
      },
    });
    const body = await (await t.call("GET", `/v1/widgets/${online.widgetId}`)).json();
    expect(body.location).toEqual({ kind: "online", url: "https://meet.example/demo" });
    expect(body.organizer).toEqual({ name: "Maria Silva", email: "maria@school.example" });
    const inPerson = await t.seed({ widget: { location: { kind: "in_person", address: "Hauptstr. 1, Berlin" } } });
    const second = await (await t.call("GET", `/v1/widgets/${inPerson.widgetId}`)).json();
    expect(second.location).toEqual({ kind: "in_person", address: "Hauptstr. 1, Berlin" });
    expect(second).not.toHaveProperty("organizer");
  });

  it("answers config and first slots in one request with include=widget (the widget's first paint)", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [2, 3] });
    const res = await t.call("GET", `/v1/widgets/${widgetId}/slots?include=widget`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.slots.map((s: { id: string }) => s.id)).toEqual(slotIds);
    expect(body.widget).toEqual(await (await t.call("GET", `/v1/widgets/${widgetId}`)).json());
    expect(body.widget).not.toHaveProperty("allowedOrigins");
    // Without it, the slots alone, as before; anything else is a bad query.
    expect(await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json()).not.toHaveProperty("widget");
    expect((await t.call("GET", `/v1/widgets/${widgetId}/slots?include=everything`)).status).toBe(400);
  });

  it("answers 404 for unknown and paused widgets", async () => {
    await expectProblem(await t.call("GET", "/v1/widgets/wgt_nope"), 404, "not_found");
    const { widgetId } = await t.seed();
    await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { status: "paused" });
    await expectProblem(await t.call("GET", `/v1/widgets/${widgetId}`), 404, "not_found");
    await expectProblem(await t.call("GET", `/v1/widgets/${widgetId}/slots`), 404, "not_found");
  });

  it("lists only future active slots, sorted, with seats left, in the default 30-day window", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [2, 5] });
    const far = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    await t.admin("POST", `/v1/admin/widgets/${widgetId}/slots`, {
      slots: [{ startsAt: far.toISOString(), endsAt: new Date(far.getTime() + 3600_000).toISOString(), capacity: 1 }],
    });
    await book(widgetId, bookingBody(slotIds[0]!));
    const res = await t.call("GET", `/v1/widgets/${widgetId}/slots`);
    const { slots } = await res.json();
    expect(slots.map((s: { id: string }) => s.id)).toEqual(slotIds);
    expect(slots[0]).toMatchObject({ capacity: 2, remaining: 1 });
    const wide = await t.call(
      "GET",
      `/v1/widgets/${widgetId}/slots?to=${encodeURIComponent(new Date(far.getTime() + 1000).toISOString())}`,
    );
    expect((await wide.json()).slots).toHaveLength(3);
    t.setNow(new Date(Date.now() + 24 * 3600 * 1000 + 10 * 60 * 1000));
    const later = await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json();
    expect(later.slots.map((s: { id: string }) => s.id)).toEqual([slotIds[1]]);
  });

  it("answers 400 for wrong query types", async () => {
    const { widgetId } = await t.seed();
    const body = await expectProblem(
      await t.call("GET", `/v1/widgets/${widgetId}/slots?from=yesterday`),
      400,
      "bad_request",
    );
    expect(body.issues?.[0]?.path).toEqual(["from"]);
  });

  it("answers 400 for a window over 92 days, saying so", async () => {
    const { widgetId } = await t.seed();
    const from = new Date(Date.now() + 3600_000);
    const window = (days: number) =>
      `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(new Date(from.getTime() + days * 86_400_000).toISOString())}`;
    expect((await t.call("GET", `/v1/widgets/${widgetId}/slots?${window(92)}`)).status).toBe(200);
    const body = await expectProblem(
      await t.call("GET", `/v1/widgets/${widgetId}/slots?${window(93)}`),
      400,
      "bad_request",
    );
    expect(body.detail).toContain("at most 92 days");
  });

  /** `count` half-hour slots an hour apart from tomorrow on; the admin route takes 500 at a time. */
  async function addHourlySlots(widgetId: string, starts: number[]) {
    const base = Date.now() + 24 * 3600_000;
    for (let i = 0; i < starts.length; i += 500) {
      const slots = starts.slice(i, i + 500).map((hour) => ({
        startsAt: new Date(base + hour * 3600_000).toISOString(),
        endsAt: new Date(base + hour * 3600_000 + 1800_000).toISOString(),
        capacity: 1,
      }));
      expect((await t.admin("POST", `/v1/admin/widgets/${widgetId}/slots`, { slots })).status).toBe(201);
    }
  }

  async function followPages(widgetId: string, to?: string) {
    const pages: { slots: { id: string; startsAt: string }[]; nextFrom?: string }[] = [];
    let query = to ? `?to=${encodeURIComponent(to)}` : "";
    for (;;) {
      const res = await t.call("GET", `/v1/widgets/${widgetId}/slots${query}`);
      expect(res.status).toBe(200);
      const page = slotListSchema.parse(await res.json());
      pages.push(page);
      if (page.nextFrom === undefined || pages.length > 5) return pages;
      query = `?from=${encodeURIComponent(page.nextFrom)}${to ? `&to=${encodeURIComponent(to)}` : ""}`;
    }
  }

  it("answers at most 500 slots with nextFrom; following it yields the rest, each slot once", async () => {
    const created = await t.admin("POST", "/v1/admin/widgets", { title: "Busy school" });
    const widgetId = (await created.json()).id as string;
    await addHourlySlots(
      widgetId,
      Array.from({ length: 600 }, (_, hour) => hour),
    );
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const pages = await followPages(widgetId, to);
    expect(pages.map((p) => p.slots.length)).toEqual([500, 100]);
    expect(pages[0]!.nextFrom).toBe(pages[1]!.slots[0]!.startsAt);
    expect(pages[1]!.nextFrom).toBeUndefined();
    const all = pages.flatMap((p) => p.slots);
    expect(new Set(all.map((s) => s.id)).size).toBe(600);
    expect(all.map((s) => s.startsAt)).toEqual([...all.map((s) => s.startsAt)].sort());
    const admin = await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json();
    expect(new Set(all.map((s) => s.id))).toEqual(new Set(admin.slots.map((s: { id: string }) => s.id)));
  });

  it("never splits the slots of one instant across two answers", async () => {
    const created = await t.admin("POST", "/v1/admin/widgets", { title: "Busy school" });
    const widgetId = (await created.json()).id as string;
    // 499 slots, then three that start together at the 500th, 501st and 502nd places.
    await addHourlySlots(widgetId, [...Array.from({ length: 499 }, (_, hour) => hour), 499, 499, 499, 500]);
    const pages = await followPages(widgetId);
    expect(pages.map((p) => p.slots.length)).toEqual([499, 4]);
    expect(new Set(pages.flatMap((p) => p.slots).map((s) => s.id)).size).toBe(503);
  });

  it("books a seat: 201 with booking, token and manage link; personal data normalised", async () => {
    const { widgetId, slotIds } = await t.seed();
    const res = await book(
      widgetId,
      bookingBody(slotIds[0]!, { name: "  Ada  ", email: " ADA@Example.COM ", phone: "0044 20 7946 0958" }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.booking).toMatchObject({ widgetId, status: "confirmed", slot: { id: slotIds[0] } });
    expect(body.booking.id).toMatch(/^bkg_/);
    expect(body.manageToken.length).toBeGreaterThan(30);
    expect(body.manageUrl).toBe(`https://book.test/manage/${body.booking.id}?token=${body.manageToken}`);
    const stored = await (await t.admin("GET", `/v1/admin/bookings/${body.booking.id}`)).json();
    expect(stored).toMatchObject({ name: "Ada", email: "ada@example.com", phone: "+442079460958" });
  });

  it("rejects invalid bodies with 422 and field issues, storing nothing", async () => {
    const { widgetId, slotIds } = await t.seed();
    const res = await book(widgetId, { slotId: slotIds[0], name: "", email: "not-an-email", phone: "12" });
    const body = await expectProblem(res, 422, "validation_failed");
    expect(body.issues?.map((i) => i.path[0]).sort()).toEqual(["email", "name", "phone"]);
    expect(body.issues?.find((i) => i.path[0] === "email")?.message).toBe("Enter a valid email address");
    const list = await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}`)).json();
    expect(list.data).toHaveLength(0);
  });

  it("reads a Berlin visitor's national number in the widget's country and stores it in E.164", async () => {
    const { widgetId, slotIds } = await t.seed({ widget: { timezone: "Europe/Berlin" } });
    const config = await (await t.call("GET", `/v1/widgets/${widgetId}`)).json();
    expect(config).toMatchObject({ phoneCountry: "DE", phoneExample: "01512 3456789" });
    const res = await book(widgetId, bookingBody(slotIds[0]!, { phone: "0151 23456789" }));
    expect(res.status).toBe(201);
    const { booking } = await res.json();
    const stored = await (await t.admin("GET", `/v1/admin/bookings/${booking.id}`)).json();
    expect(stored.phone).toBe("+4915123456789");
    // An international number whatever the country.
    const abroad = await book(widgetId, bookingBody(slotIds[0]!, { email: "b@example.com", phone: "+1 202 555 0147" }));
    const { booking: other } = await abroad.json();
    expect((await (await t.admin("GET", `/v1/admin/bookings/${other.id}`)).json()).phone).toBe("+12025550147");
  });

  it("refuses a number that cannot be valid with the format expected and an example of the country", async () => {
    const { widgetId, slotIds } = await t.seed({ widget: { timezone: "UTC", phoneCountry: "IN" } });
    for (const phone of ["0151 2345", "+1 555 010 9999"]) {
      const body = await expectProblem(
        await book(widgetId, bookingBody(slotIds[0]!, { phone })),
        422,
        "validation_failed",
      );
      expect(body.issues).toEqual([
        {
          path: ["phone"],
          code: "custom",
          message: "Enter a valid phone number from India, or one with its country code (+…), e.g. 081234 56789",
        },
      ]);
    }
    // Without a country a national number cannot be read: it needs its country code.
    await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { phoneCountry: null });
    const national = await book(widgetId, bookingBody(slotIds[0]!, { phone: "0151 23456789" }));
    expect((await expectProblem(national, 422, "validation_failed")).issues?.[0]?.message).toBe(
      "Enter the number with its country code, e.g. +44 20 7946 0958",
    );
    const list = await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}`)).json();
    expect(list.data).toHaveLength(0);
  });

  it("checks phone, custom fields and consent against the widget's form", async () => {
    const { widgetId, slotIds } = await t.seed({
      widget: {
        phone: "required",
        fields: [
          { key: "level", label: "Level", type: "select", required: true, options: ["Beginner", "Advanced"] },
          { key: "goal", label: "Goal", type: "textarea", required: false },
        ],
        consent: { text: "I agree to be contacted", required: true },
      },
    });
    const bad = await book(widgetId, bookingBody(slotIds[0]!, { phone: "", answers: { level: "Expert", other: "x" } }));
    const body = await expectProblem(bad, 422, "validation_failed");
    expect(body.issues?.map((i) => i.path.join("."))).toEqual(["phone", "answers.other", "answers.level", "consent"]);
    const good = await book(widgetId, bookingBody(slotIds[0]!, { answers: { level: "Beginner" }, consent: true }));
    expect(good.status).toBe(201);
  });

  it("maps transport errors: 400 bad JSON, 415 not JSON, 413 over 16 KiB", async () => {
    const { widgetId, slotIds } = await t.seed();
    await expectProblem(await book(widgetId, "{not json"), 400, "bad_request");
    await expectProblem(
      await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: "name=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await book(widgetId, bookingBody(slotIds[0]!, { name: "x".repeat(17 * 1024) })),
      413,
      "payload_too_large",
    );
  });

  it("answers slot_full, slot_unavailable, already_booked and not_found", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [1, 3] });
    const other = await t.seed();
    expect((await book(widgetId, bookingBody(slotIds[0]!))).status).toBe(201);
    await expectProblem(await book(widgetId, bookingBody(slotIds[0]!, { email: "b@example.com" })), 409, "slot_full");
    await expectProblem(await book(widgetId, bookingBody(other.slotIds[0]!)), 409, "slot_unavailable");
    expect((await book(widgetId, bookingBody(slotIds[1]!))).status).toBe(201);
    await expectProblem(
      await book(widgetId, bookingBody(slotIds[1]!, { email: "ADA@example.com" })),
      409,
      "already_booked",
    );
    await expectProblem(await book(widgetId, bookingBody("slot_missing")), 404, "not_found");
    await expectProblem(await book("wgt_missing", { not: "a booking" }), 404, "not_found");
    await t.admin("PATCH", `/v1/admin/slots/${slotIds[1]}`, { status: "cancelled" });
    await expectProblem(
      await book(widgetId, bookingBody(slotIds[1]!, { email: "c@example.com" })),
      409,
      "slot_unavailable",
    );
    t.setNow(new Date(Date.now() + 3 * 24 * 3600 * 1000));
    await expectProblem(await book(other.widgetId, bookingBody(other.slotIds[0]!)), 409, "slot_unavailable");
  });

  it("honeypot: refuses like a real request for unknown or full slots, so bots cannot tell", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [1] });
    await expectProblem(await book(widgetId, bookingBody("slot_unknown", { hp: "x" })), 404, "not_found");
    await book(widgetId, bookingBody(slotIds[0]!));
    await expectProblem(
      await book(widgetId, bookingBody(slotIds[0]!, { email: "b@example.com", hp: "x" })),
      409,
      "slot_full",
    );
  });

  it("honeypot: answers 201 with a fake booking and stores nothing", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [1] });
    const res = await book(widgetId, bookingBody(slotIds[0]!, { hp: "https://spam.example" }));
    expect(res.status).toBe(201);
    expect((await res.json()).booking.id).toMatch(/^bkg_/);
    const slots = await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json();
    expect(slots.slots[0].remaining).toBe(1);
    expect((await (await t.admin("GET", "/v1/admin/bookings")).json()).data).toHaveLength(0);
  });

  describe("Idempotency-Key", () => {
    it("replays the first answer for the same key and body, storing nothing new", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [5] });
      const first = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "key-1" });
      const again = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "key-1" });
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      expect(await again.json()).toEqual(await first.json());
      const slots = await (await t.call("GET", `/v1/widgets/${widgetId}/slots`)).json();
      expect(slots.slots[0].remaining).toBe(4);
    });

    it("replays failures too, and answers 422 idempotency_key_reused for another body", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [1] });
      await book(widgetId, bookingBody(slotIds[0]!, { email: "first@example.com" }));
      const full = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "k" });
      expect(full.status).toBe(409);
      const replay = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "k" });
      expect(replay.status).toBe(409);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      await expectProblem(
        await book(widgetId, bookingBody(slotIds[0]!, { name: "Other" }), { "idempotency-key": "k" }),
        422,
        "idempotency_key_reused",
      );
    });

    it("replays even when the widget's form or the slot changed since, and refuses the key with another body first", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [5] });
      const first = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "later" });
      await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { consent: { text: "I agree", required: true } });
      const again = await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "later" });
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(await first.json());
      await expectProblem(
        await book(widgetId, bookingBody("slot_unknown"), { "idempotency-key": "later" }),
        422,
        "idempotency_key_reused",
      );
    });

    it("does not store validation failures", async () => {
      const { widgetId, slotIds } = await t.seed();
      expect((await book(widgetId, { slotId: slotIds[0] }, { "idempotency-key": "v" })).status).toBe(422);
      expect((await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "v" })).status).toBe(201);
    });

    it("expires after 24 hours", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [5, 5] });
      t.setNow(new Date(Date.now() - 25 * 3600 * 1000));
      expect((await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "old" })).status).toBe(201);
      t.setNow(new Date());
      const fresh = await book(widgetId, bookingBody(slotIds[1]!), { "idempotency-key": "old" });
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    });

    it("25 concurrent retries with one key make one booking and all get its answer", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [10] });
      const answers = await Promise.all(
        Array.from({ length: 25 }, () => book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "race" })),
      );
      const bodies = await Promise.all(answers.map((r) => r.json()));
      expect(answers.map((r) => r.status)).toEqual(Array(25).fill(201));
      expect(new Set(bodies.map((b) => b.booking.id)).size).toBe(1);
      const list = await (await t.admin("GET", `/v1/admin/bookings?widgetId=${widgetId}`)).json();
      expect(list.data).toHaveLength(1);
    });

    it("rejects a key longer than 255 characters", async () => {
      const { widgetId, slotIds } = await t.seed();
      await expectProblem(
        await book(widgetId, bookingBody(slotIds[0]!), { "idempotency-key": "k".repeat(256) }),
        400,
        "bad_request",
      );
    });
  });

  it("300 concurrent attempts on a 10-seat slot: exactly 10 confirmed, 290 slot_full", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [10] });
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => book(widgetId, bookingBody(slotIds[0]!, { email: `p${i}@example.com` }))),
    );
    const codes = await Promise.all(answers.map(async (r) => (r.status === 201 ? "created" : (await r.json()).code)));
    expect(codes.filter((c) => c === "created")).toHaveLength(10);
    expect(codes.filter((c) => c === "slot_full")).toHaveLength(290);
    const slot = await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json();
    expect(slot.slots[0]).toMatchObject({ booked: 10, remaining: 0 });
  });
});
