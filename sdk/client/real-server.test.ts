/**
 * @module The SDK against the real server (`createApp()`) on every store engine: each client method end to end, and
 * the server's real error answers arriving as `SlotbookError`s. Keeps the contract, the routes and the clients in step.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStores } from "../../server/store/testing.js";
import { makeTestApi, TEST_ADMIN_KEY, type TestApi } from "../../server/testing/api-harness.js";
import { SlotbookError } from "../errors/slotbook-error.js";
import type { SlotInput } from "../schemas/slot-admin.js";
import { createAdminClient } from "./admin-client.js";
import { createClient } from "./public-client.js";

const BASE = "https://book.test";
const HOUR = 3600_000;

/** The clients wired to `api.app` through its in-memory `request()`: real routes, real store, no socket. */
function clientsFor(api: TestApi, apiKey = TEST_ADMIN_KEY) {
  const fetch = (request: Request) => Promise.resolve(api.app.request(request));
  // No retries: a real error must surface at once, not after backoff.
  const common = { baseUrl: BASE, fetch, retry: 0 };
  return { client: createClient(common), admin: createAdminClient({ ...common, apiKey }), fetch };
}

/** `count` one-hour slots, a day apart from tomorrow on. */
function futureSlots(count: number, capacity: number): SlotInput[] {
  const start = Date.now() + 24 * HOUR;
  return Array.from({ length: count }, (_, i) => ({
    startsAt: new Date(start + i * 24 * HOUR).toISOString(),
    endsAt: new Date(start + i * 24 * HOUR + HOUR).toISOString(),
    capacity,
    label: `Class ${i + 1}`,
  }));
}

/** The error a promise rejects with; fails the test when it resolves or rejects with something else. */
async function slotbookError(promise: Promise<unknown>): Promise<SlotbookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlotbookError);
  return error as SlotbookError;
}

const person = { name: "Ada Lovelace", email: "Ada@Example.com ", phone: "+44 20 7946 0958" };

for (const factory of await testStores()) {
  describe(`SDK against createApp() on ${factory.name}`, () => {
    let api: TestApi;
    let sdk: ReturnType<typeof clientsFor>;
    beforeEach(async () => {
      api = await makeTestApi(factory);
      sdk = clientsFor(api);
    });
    afterEach(async () => {
      await api.cleanup();
    });

    it("admin widgets: create, list, get, update, delete", async () => {
      const { admin, client } = sdk;
      const created = await admin.widgets.create({ title: "Yoga trial", timezone: "Europe/Berlin" });
      expect(created).toMatchObject({ title: "Yoga trial", timezone: "Europe/Berlin", status: "active" });
      expect(created.id).toMatch(/^wgt_/);
      expect(created.allowedOrigins).toEqual(["*"]);

      expect((await admin.widgets.list()).map((w) => w.id)).toContain(created.id);
      expect(await admin.widgets.get(created.id)).toEqual(created);

      const updated = await admin.widgets.update(created.id, { title: "Yoga, first class free", phone: "required" });
      expect(updated).toMatchObject({ id: created.id, title: "Yoga, first class free", phone: "required" });
      // The public view follows the change and carries no admin-only field.
      const publicView = await client.widgets.get(created.id);
      expect(publicView.title).toBe("Yoga, first class free");
      expect(publicView).not.toHaveProperty("allowedOrigins");
      // Config and first slots in one request, as the widget starts.
      const starts = new Date(Date.now() + 86_400_000);
      const [slot] = await admin.slots.create(created.id, [
        { startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3_600_000).toISOString(), capacity: 4 },
      ]);
      const start = await client.widgets.start(created.id);
      expect(start.widget).toEqual(publicView);
      expect(start.slots.map((s) => [s.id, s.remaining])).toEqual([[slot!.id, 4]]);

      await admin.widgets.delete(created.id);
      expect((await slotbookError(admin.widgets.get(created.id))).code).toBe("not_found");
      expect((await slotbookError(client.widgets.get(created.id))).code).toBe("not_found");
    });

    it("admin slots: create, list, update, delete (gone when empty, cancelled when booked)", async () => {
      const { admin, client } = sdk;
      const widget = await admin.widgets.create({ title: "Pottery" });
      const created = await admin.slots.create(widget.id, futureSlots(3, 2));
      expect(created).toHaveLength(3);
      expect(created[0]).toMatchObject({ widgetId: widget.id, capacity: 2, booked: 0, status: "active" });

      const [first, second, third] = created as [(typeof created)[0], (typeof created)[0], (typeof created)[0]];
      const listed = await admin.slots.list(widget.id);
      expect(listed.map((s) => s.id)).toEqual([first.id, second.id, third.id]);

      const patched = await admin.slots.update(first.id, { capacity: 5, label: null });
      expect(patched).toMatchObject({ id: first.id, capacity: 5 });
      expect(patched.label).toBeUndefined();

      await expect(admin.slots.delete(second.id)).resolves.toBeUndefined();
      const { booking, manageToken } = await client.bookings.create(widget.id, { slotId: third.id, ...person });
      const cancelled = await admin.slots.delete(third.id);
      // Its booking is cancelled with it, so its seat is free again.
      expect(cancelled).toMatchObject({ id: third.id, status: "cancelled", booked: 0 });
      expect(await client.bookings.get(booking.id, { token: manageToken })).toMatchObject({
        status: "cancelled",
        cancelReason: "slot_cancelled",
      });

      const publicIds = (await client.slots.list(widget.id)).map((s) => s.id);
      expect(publicIds).toEqual([first.id]);
    });

    it("slots.list reads a window of 600 slots whole, though the server answers 500 at a time", async () => {
      const { admin, client, fetch } = sdk;
      const widget = await admin.widgets.create({ title: "Busy school" });
      const start = Date.now() + 24 * HOUR;
      const hourly = Array.from({ length: 600 }, (_, i) => ({
        startsAt: new Date(start + i * HOUR).toISOString(),
        endsAt: new Date(start + i * HOUR + HOUR / 2).toISOString(),
        capacity: 1,
      }));
      const created = [...(await admin.slots.create(widget.id, hourly.slice(0, 500)))];
      created.push(...(await admin.slots.create(widget.id, hourly.slice(500))));
      const first = await (await fetch(new Request(`${BASE}/v1/widgets/${widget.id}/slots`))).json();
      expect(first.slots).toHaveLength(500);
      expect(first.nextFrom).toBe(created[500]!.startsAt);
      expect((await client.slots.list(widget.id)).map((s) => s.id)).toEqual(created.map((s) => s.id));
    });

    it("a visitor's booking: list slots, book, get, reschedule, invite, cancel", async () => {
      const { admin, client, fetch } = sdk;
      const widget = await admin.widgets.create({ title: "Guitar" });
      const [slotA, slotB] = await admin.slots.create(widget.id, futureSlots(2, 3));

      const slots = await client.slots.list(widget.id, { from: new Date(), to: new Date(Date.now() + 7 * 24 * HOUR) });
      expect(slots.map((s) => [s.id, s.remaining])).toEqual([
        [slotA!.id, 3],
        [slotB!.id, 3],
      ]);

      const { booking, manageToken, manageUrl } = await client.bookings.create(widget.id, {
        slotId: slotA!.id,
        ...person,
      });
      expect(booking).toMatchObject({ widgetId: widget.id, status: "confirmed", slot: { id: slotA!.id } });
      expect(manageUrl.startsWith(`${BASE}/`)).toBe(true);
      expect((await client.slots.list(widget.id))[0]!.remaining).toBe(2);

      const token = { token: manageToken };
      expect(await client.bookings.get(booking.id, token)).toEqual(booking);

      const moved = await client.bookings.reschedule(booking.id, { slotId: slotB!.id }, token);
      expect(moved.slot.id).toBe(slotB!.id);
      expect((await client.slots.list(widget.id)).map((s) => s.remaining)).toEqual([3, 2]);

      const invite = await fetch(new Request(client.bookings.inviteUrl(booking.id, token)));
      expect(invite.status).toBe(200);
      expect(invite.headers.get("content-type")).toMatch(/^text\/calendar/);
      const ics = await invite.text();
      expect(ics).toContain("BEGIN:VCALENDAR");
      expect(ics).toContain(`DTSTART:${slotB!.startsAt.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);

      const cancelled = await client.bookings.cancel(booking.id, token);
      expect(cancelled.status).toBe("cancelled");
      expect((await client.slots.list(widget.id)).map((s) => s.remaining)).toEqual([3, 3]);
    });

    it("admin bookings: list with paging, iterate, get, exportCsv, cancel, erase", async () => {
      const { admin, client } = sdk;
      const widget = await admin.widgets.create({ title: "Chess" });
      const [slot] = await admin.slots.create(widget.id, futureSlots(1, 10));
      const emails = ["a@example.com", "b@example.com", "c@example.com"];
      const ids: string[] = [];
      for (const email of emails) {
        const created = await client.bookings.create(widget.id, { slotId: slot!.id, name: "Pupil", email });
        ids.push(created.booking.id);
      }

      const page = await admin.bookings.list({ widgetId: widget.id, limit: 2 });
      expect(page.data).toHaveLength(2);
      expect(page.nextCursor).toEqual(expect.any(String));
      const rest = await admin.bookings.list({ widgetId: widget.id, limit: 2, cursor: page.nextCursor! });
      expect(rest.nextCursor).toBeNull();
      expect([...page.data, ...rest.data].map((b) => b.id).sort()).toEqual([...ids].sort());

      const iterated: string[] = [];
      for await (const b of admin.bookings.iterate({ widgetId: widget.id, limit: 1 })) iterated.push(b.email ?? "");
      expect(iterated.sort()).toEqual(emails);

      const byEmail = await admin.bookings.list({ email: " B@Example.com" });
      expect(byEmail.data.map((b) => b.id)).toEqual([ids[1]]);

      const one = await admin.bookings.get(ids[0]!);
      expect(one).toMatchObject({ id: ids[0], name: "Pupil", email: "a@example.com", status: "confirmed" });

      const csv = await admin.bookings.exportCsv({ widgetId: widget.id });
      const lines = csv.trim().split(/\r?\n/);
      expect(lines).toHaveLength(1 + emails.length);
      for (const email of emails) expect(csv).toContain(email);

      const cancelled = await admin.bookings.cancel(ids[1]!);
      expect(cancelled).toMatchObject({ id: ids[1], status: "cancelled", cancelReason: "admin", email: emails[1] });
      expect(await admin.bookings.cancel(ids[1]!, { notify: false })).toEqual(cancelled);
      expect((await client.slots.list(widget.id))[0]!.remaining).toBe(10 - emails.length + 1);

      const erased = await admin.bookings.erase(ids[0]!);
      expect(erased.status).toBe("erased");
      expect(erased.email).toBeUndefined();
      expect(erased.name).toBeUndefined();
      expect(await admin.bookings.get(ids[0]!)).toMatchObject({ status: "erased" });
      expect(await admin.bookings.get(ids[0]!)).not.toHaveProperty("email");
      expect((await client.slots.list(widget.id))[0]!.remaining).toBe(10 - emails.length + 2);
    });

    it("admin keys: create, use, list, revoke (the revoked key is refused at once)", async () => {
      const { admin } = sdk;
      const created = await admin.keys.create({ label: "Reporting" });
      expect(created).toMatchObject({ id: expect.stringMatching(/^key_/), label: "Reporting" });
      const own = clientsFor(api, created.secret).admin;
      await expect(own.widgets.list()).resolves.toEqual(expect.any(Array));
      const { data, bootstrapKey } = await own.keys.list();
      expect(bootstrapKey).toBe(true);
      expect(data).toEqual([
        { id: created.id, label: "Reporting", createdAt: created.createdAt, lastUsedAt: expect.any(String) },
      ]);
      await admin.keys.revoke(created.id);
      expect(await slotbookError(own.widgets.list())).toMatchObject({ status: 401, code: "unauthorized" });
      expect(await slotbookError(admin.keys.revoke(created.id))).toMatchObject({ status: 404, code: "not_found" });
      await expect(admin.keys.list()).resolves.toEqual({ data: [], bootstrapKey: true });
    });

    it("admin webhooks: create, list, get, update, rotate, test, deliveries, replay, delete; a booking's messages", async () => {
      const { admin, client } = sdk;
      const widget = await admin.widgets.create({ title: "Guitar" });
      const created = await admin.webhooks.create({ url: "https://crm.example/hooks", events: ["booking.created"] });
      expect(created).toMatchObject({
        id: expect.stringMatching(/^whk_/),
        status: "active",
        includePersonalData: false,
      });
      expect(created.secret).toMatch(/^whsec_/);
      expect(await admin.webhooks.list()).toEqual([expect.objectContaining({ id: created.id })]);
      expect(await admin.webhooks.get(created.id)).not.toHaveProperty("secret");
      const updated = await admin.webhooks.update(created.id, { events: ["*"], widgetId: widget.id });
      expect(updated).toMatchObject({ events: ["*"], widgetId: widget.id });
      const rotated = await admin.webhooks.rotateSecret(created.id);
      expect(rotated.secret).not.toBe(created.secret);

      const ping = await admin.webhooks.test(created.id);
      expect(ping).toMatchObject({ type: "webhook.test", status: "pending", eventId: expect.stringMatching(/^evt_/) });
      const [slot] = await admin.slots.create(widget.id, futureSlots(1, 3));
      const { booking } = await client.bookings.create(widget.id, { slotId: slot!.id, ...person });
      const log = await admin.webhooks.deliveries(created.id);
      expect(log.data.map((d) => d.type).sort()).toEqual(["booking.created", "webhook.test"]);
      expect(log.nextCursor).toBeNull();
      await expect(admin.webhooks.replay(created.id, ping.id)).resolves.toMatchObject({
        id: ping.id,
        status: "pending",
      });
      const messages = await admin.bookings.messages(booking.id);
      expect(messages.map((m) => [m.channel, m.type])).toEqual(
        expect.arrayContaining([
          ["email", "booking.created"],
          ["webhook", "booking.created"],
        ]),
      );
      expect(
        await slotbookError(admin.webhooks.create({ url: "http://crm.example/hooks", events: ["*"] })),
      ).toMatchObject({ status: 422, code: "validation_failed" });
      await admin.webhooks.delete(created.id);
      expect(await slotbookError(admin.webhooks.get(created.id))).toMatchObject({ status: 404, code: "not_found" });
    });

    it("real errors arrive as SlotbookError with the contract's code", async () => {
      const { admin, client } = sdk;
      const widget = await admin.widgets.create({ title: "Tiny class" });
      const [slot, other] = await admin.slots.create(widget.id, futureSlots(2, 1));
      const { booking, manageToken } = await client.bookings.create(widget.id, { slotId: slot!.id, ...person });

      const again = await slotbookError(client.bookings.create(widget.id, { slotId: slot!.id, ...person }));
      // Capacity 1 and taken: whether the server checks the seat or the email first, it is a 409 with a code.
      expect(again.status).toBe(409);
      expect(["slot_full", "already_booked"]).toContain(again.code);

      const full = await slotbookError(
        client.bookings.create(widget.id, { slotId: slot!.id, name: "Grace Hopper", email: "grace@example.com" }),
      );
      expect(full).toMatchObject({ status: 409, code: "slot_full" });
      expect(full.title).toEqual(expect.any(String));

      const invalid = await slotbookError(
        client.bookings.create(widget.id, { slotId: other!.id, name: "Grace", email: "not an email" }),
      );
      expect(invalid).toMatchObject({ status: 422, code: "validation_failed" });
      expect(invalid.issues.map((i) => i.path)).toContainEqual(["email"]);

      const wrongKey = createAdminClient({ baseUrl: BASE, fetch: sdk.fetch, retry: 0, apiKey: "sk_wrong" });
      expect(await slotbookError(wrongKey.widgets.list())).toMatchObject({ status: 401, code: "unauthorized" });
      const wrongToken = await slotbookError(client.bookings.get(booking.id, { token: `${manageToken}x` }));
      expect(wrongToken).toMatchObject({ status: 401, code: "unauthorized" });

      expect(await slotbookError(client.widgets.get("wgt_nope"))).toMatchObject({ status: 404, code: "not_found" });
      expect(await slotbookError(admin.bookings.get("bkg_nope"))).toMatchObject({ status: 404, code: "not_found" });
      expect((await slotbookError(client.slots.list("wgt_nope"))).code).toBe("not_found");
    });

    it("the same explicit idempotencyKey twice gives the same booking; another body under it is refused", async () => {
      const { admin, client } = sdk;
      const widget = await admin.widgets.create({ title: "Idempotent" });
      const [slot] = await admin.slots.create(widget.id, futureSlots(1, 5));
      const request = { slotId: slot!.id, ...person };

      const first = await client.bookings.create(widget.id, request, { idempotencyKey: "order-42" });
      const second = await client.bookings.create(widget.id, request, { idempotencyKey: "order-42" });
      expect(second).toEqual(first);
      expect((await admin.bookings.list({ widgetId: widget.id })).data).toHaveLength(1);
      expect((await client.slots.list(widget.id))[0]!.remaining).toBe(4);

      const reused = await slotbookError(
        client.bookings.create(widget.id, { ...request, name: "Someone Else" }, { idempotencyKey: "order-42" }),
      );
      expect(reused).toMatchObject({ status: 422, code: "idempotency_key_reused" });
    });
  });
}
