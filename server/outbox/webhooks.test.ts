/**
 * @module Webhooks end to end on both stores: endpoints through the admin API, bookings through the public API, the
 * worker delivering to a real HTTP receiver on loopback, signatures checked with the `standardwebhooks` package, a
 * fake clock driving retries, `Retry-After`, a 410, an hour-long outage, rotation, test pings and replays.
 */
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseSecret } from "../crypto/index.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";
import { type ReceivedHook, startTestReceiver, type TestReceiver } from "../webhooks/testing.js";
import { createOutboxWorker, isPermanentEmailError, type OutboxWorker, webhookDeliverer } from "./index.js";

/** The signature check a receiver makes, written out here so the test does not trust the sender's own code. */
function signedWith(secret: string, hook: ReceivedHook): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const content = `${hook.headers["webhook-id"]}.${hook.headers["webhook-timestamp"]}.${hook.body}`;
  const expected = `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
  return String(hook.headers["webhook-signature"]).split(" ").includes(expected);
}

const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

for (const factory of await testStores()) {
  describe(`webhooks on ${factory.name}`, () => {
    let t: TestApi;
    let receiver: TestReceiver;
    let worker: OutboxWorker;
    let clock: Date;
    const tick = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
      t.setNow(clock);
    };

    function makeWorker(allowPrivateNetworks = true, timeoutMs?: number) {
      return createOutboxWorker({
        store: t.store,
        deliver: {
          webhook: webhookDeliverer({
            store: t.store,
            keys: parseSecret(TEST_SECRET),
            now: () => clock,
            allowPrivateNetworks,
            ...(timeoutMs ? { timeoutMs } : {}),
          }),
          // Emails are another test's subject: here they are "sent" by doing nothing.
          email: async () => {},
        },
        now: () => clock,
        isPermanent: isPermanentEmailError,
      });
    }

    beforeEach(async () => {
      receiver = await startTestReceiver();
      t = await makeTestApi(factory, { allowPrivateWebhooks: true });
      clock = new Date();
      t.setNow(clock);
      worker = makeWorker();
    });
    afterEach(async () => {
      await worker.stop();
      await receiver.close();
      await t.cleanup();
    });

    async function endpoint(body: Record<string, unknown> = {}) {
      const res = await t.admin("POST", "/v1/admin/webhooks", { url: receiver.url, events: ["*"], ...body });
      expect(res.status).toBe(201);
      return json<{ id: string; secret: string; status: string }>(res);
    }

    async function book(widgetId: string, slotId: string, body: Record<string, unknown> = {}) {
      const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotId, { answers: undefined, ...body }),
      });
      expect(res.status).toBe(201);
      return json<{ booking: { id: string }; manageToken: string }>(res);
    }

    const deliveries = async (id: string) =>
      (await json<{ data: Record<string, unknown>[] }>(await t.admin("GET", `/v1/admin/webhooks/${id}/deliveries`)))
        .data;

    test("endpoints: created with a secret shown once, listed and read without it, changed, deleted", async () => {
      const { widgetId } = await t.seed();
      const created = await endpoint({ events: ["booking.created"], widgetId, description: "CRM" });
      expect(created).toMatchObject({
        id: expect.stringMatching(/^whk_/),
        url: receiver.url,
        events: ["booking.created"],
        widgetId,
        includePersonalData: false,
        description: "CRM",
        status: "active",
        disabledReason: null,
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const listed = await json<{ data: Record<string, unknown>[] }>(await t.admin("GET", "/v1/admin/webhooks"));
      expect(listed.data).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
      const one = await json(await t.admin("GET", `/v1/admin/webhooks/${created.id}`));
      expect(one).not.toHaveProperty("secret");
      // The secret is sealed at rest: a scan of the stored row does not find it.
      expect(JSON.stringify(await t.store.getWebhook(created.id))).not.toContain(created.secret.slice(6));

      const patched = await t.admin("PATCH", `/v1/admin/webhooks/${created.id}`, {
        events: ["*"],
        widgetId: null,
        includePersonalData: true,
      });
      expect(await json(patched)).toMatchObject({ events: ["*"], widgetId: null, includePersonalData: true });
      const disabled = await json(await t.admin("PATCH", `/v1/admin/webhooks/${created.id}`, { status: "disabled" }));
      expect(disabled).toMatchObject({ status: "disabled", disabledReason: "Disabled by an admin" });

      expect((await t.admin("DELETE", `/v1/admin/webhooks/${created.id}`)).status).toBe(204);
      expect((await t.admin("GET", `/v1/admin/webhooks/${created.id}`)).status).toBe(404);
      expect((await t.admin("DELETE", `/v1/admin/webhooks/${created.id}`)).status).toBe(404);
    });

    test("bad endpoints are refused with a reason: no events, a widget that does not exist, credentials", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ url: receiver.url, events: [] }, "events"],
        [{ url: receiver.url, events: ["booking.exploded"] }, "events.0"],
        [{ url: receiver.url, events: ["*"], widgetId: "wgt_nope" }, "widgetId"],
        [{ url: "https://user:pw@hooks.example/x", events: ["*"] }, "url"],
        [{ url: "ftp://hooks.example/x", events: ["*"] }, "url"],
      ];
      for (const [body, path] of cases) {
        const res = await t.admin("POST", "/v1/admin/webhooks", body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        const problem = await json<{ code: string; issues: { path: (string | number)[] }[] }>(res);
        expect(problem.code).toBe("validation_failed");
        expect(problem.issues.map((i) => i.path.join("."))).toContain(path);
      }
      expect((await t.admin("GET", "/v1/admin/webhooks")).status).toBe(200);
      expect((await t.call("GET", "/v1/admin/webhooks")).status).toBe(401);
    });

    test("a booking is delivered signed per Standard Webhooks, thin: no personal data unless asked", async () => {
      const { widgetId, slotIds } = await t.seed();
      const thin = await endpoint();
      const { booking } = await book(widgetId, slotIds[0]!);
      expect(await worker.runOnce()).toBeGreaterThanOrEqual(2);
      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received as [ReceivedHook];
      // The reference library accepts it (its own clock: ours is the real one in this test).
      const event = new Webhook(thin.secret).verify(hook.body, hook.headers as Record<string, string>) as {
        type: string;
        data: Record<string, unknown>;
      };
      expect(event).toMatchObject({
        type: "booking.created",
        data: { booking: { id: booking.id, widgetId, status: "confirmed", slot: { id: slotIds[0] } } },
      });
      expect(event.data).not.toHaveProperty("attendee");
      expect(hook.body).not.toContain("ada@example.com");
      expect(hook.headers["webhook-id"]).toMatch(/^evt_/);
      expect(hook.headers["content-type"]).toBe("application/json");
      expect(Number(hook.headers["webhook-timestamp"])).toBe(Math.floor(clock.getTime() / 1000));

      const [delivery] = await deliveries(thin.id);
      expect(delivery).toMatchObject({
        eventId: hook.headers["webhook-id"],
        type: "booking.created",
        status: "delivered",
        attempts: 1,
        lastStatus: 204,
      });
      expect(delivery).not.toHaveProperty("nextAttemptAt");

      // The admin sees what the booking caused: the visitor's email and this delivery.
      const messages = await json<{ data: Record<string, unknown>[] }>(
        await t.admin("GET", `/v1/admin/bookings/${booking.id}/messages`),
      );
      expect(messages.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: "email", type: "booking.created", audience: "visitor" }),
          expect.objectContaining({ channel: "webhook", type: "booking.created", webhookId: thin.id, lastStatus: 204 }),
        ]),
      );
      expect((await t.admin("GET", "/v1/admin/bookings/bkg_nope/messages")).status).toBe(404);
    });

    test("with includePersonalData the attendee comes along, until the booking is erased", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [3] });
      await endpoint({ includePersonalData: true });
      receiver.fallback({ status: 503 });
      const { booking } = await book(widgetId, slotIds[0]!, {
        context: { pageUrl: "https://school.test/demo", utm: { source: "newsletter" } },
      });
      await worker.runOnce();
      const first = JSON.parse(receiver.received[0]!.body) as { data: Record<string, Record<string, unknown>> };
      expect(first.data.attendee).toEqual({
        name: "Ada Lovelace",
        email: "ada@example.com",
        phone: "+442079460958",
      });
      expect(first.data.booking!.context).toMatchObject({ pageUrl: "https://school.test/demo" });
      // Erased while the created event still waits for its retry: the retry goes thin, and the erase is reported.
      expect((await t.admin("DELETE", `/v1/admin/bookings/${booking.id}`)).status).toBe(200);
      receiver.fallback({ status: 200 });
      tick(6_000);
      await worker.runOnce();
      const later = receiver.received.slice(1).map((h) => JSON.parse(h.body) as { type: string; data: object });
      expect(later.map((e) => e.type).sort()).toEqual(["booking.created", "booking.erased"]);
      for (const e of later) expect(e.data).not.toHaveProperty("attendee");
      expect(
        receiver.received
          .slice(1)
          .map((h) => h.body)
          .join(""),
      ).not.toContain("ada@example.com");
      // Same event id on the retry as on the first attempt.
      const retried = receiver.received.find((h, i) => i > 0 && h.body.includes('"booking.created"'))!;
      expect(retried.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    });

    test("subscriptions and widget scope: an endpoint hears only what it asked for", async () => {
      const a = await t.seed();
      const b = await t.seed();
      const cancelsOnly = await endpoint({ events: ["booking.cancelled"] });
      const onlyB = await endpoint({ widgetId: b.widgetId });
      const { booking, manageToken } = await book(a.widgetId, a.slotIds[0]!);
      await worker.runOnce();
      expect(receiver.received).toHaveLength(0);
      const cancel = await t.call("POST", `/v1/bookings/${booking.id}/cancel`, {
        headers: { authorization: `Bearer ${manageToken}` },
        body: {},
      });
      expect(cancel.status).toBe(200);
      await worker.runOnce();
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
        type: "booking.cancelled",
        data: { booking: { status: "cancelled", cancelReason: "visitor" } },
      });
      expect(await deliveries(cancelsOnly.id)).toHaveLength(1);
      expect(await deliveries(onlyB.id)).toHaveLength(0);
      // A slot cancelled with its bookings is one slot.cancelled event per booking.
      const other = await book(b.widgetId, b.slotIds[0]!);
      await worker.runOnce();
      expect((await t.admin("DELETE", `/v1/admin/slots/${b.slotIds[0]}`)).status).toBe(200);
      await worker.runOnce();
      const types = receiver.received
        .slice(1)
        .map((h) => JSON.parse(h.body) as { type: string; data: { booking: object } });
      expect(types.map((e) => e.type)).toEqual(["booking.created", "slot.cancelled"]);
      expect(types[1]!.data.booking).toMatchObject({ id: other.booking.id, cancelReason: "slot_cancelled" });
    });

    test("failures are retried on the schedule, Retry-After is honoured, and a receiver down for an hour loses nothing", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [10] });
      const hook = await endpoint();
      receiver.script({ status: 500, body: "database is down" }, { status: 429, headers: { "retry-after": "900" } });
      receiver.fallback({ status: 503 });
      const { booking } = await book(widgetId, slotIds[0]!);
      await worker.runOnce();
      let [d] = await deliveries(hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
      expect(d!.lastError).toContain("500: database is down");
      expect(d!.nextAttemptAt).toBe(new Date(clock.getTime() + 5_000).toISOString());
      tick(5_000);
      await worker.runOnce();
      [d] = await deliveries(hook.id);
      // 429 with Retry-After: 900 s, longer than the schedule's 5 min.
      expect(d).toMatchObject({ status: "pending", attempts: 2, lastStatus: 429 });
      expect(d!.nextAttemptAt).toBe(new Date(clock.getTime() + 900_000).toISOString());

      // More events while the receiver is down, over an hour of (fake) time.
      for (let i = 0; i < 4; i++) {
        await book(widgetId, slotIds[0]!, { email: `visitor${i}@example.com` });
        tick(15 * 60_000);
        await worker.runOnce();
      }
      receiver.fallback({ status: 200 });
      // Past the longest wait any of them has left (the 30-minute and 2-hour steps).
      tick(2 * 3_600_000);
      await worker.runOnce();
      const all = await deliveries(hook.id);
      expect(all).toHaveLength(5);
      expect(all.every((x) => x.status === "delivered")).toBe(true);
      // Five events, each under one id however often it was tried, every attempt signed.
      expect(new Set(receiver.received.map((h) => h.headers["webhook-id"])).size).toBe(5);
      expect(new Set(all.map((x) => x.eventId))).toEqual(
        new Set(receiver.received.map((h) => h.headers["webhook-id"])),
      );
      for (const h of receiver.received) expect(signedWith(hook.secret, h)).toBe(true);
      const first = receiver.received.filter((h) => h.headers["webhook-id"] === d!.eventId);
      expect(JSON.parse(first[0]!.body)).toMatchObject({ data: { booking: { id: booking.id } } });
    });

    test("410 Gone disables the endpoint and nothing more is sent to it until it is re-enabled", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [5] });
      const hook = await endpoint();
      receiver.script({ status: 410 });
      await book(widgetId, slotIds[0]!);
      await worker.runOnce();
      const [d] = await deliveries(hook.id);
      expect(d).toMatchObject({ status: "failed", lastStatus: 410 });
      const gone = await json(await t.admin("GET", `/v1/admin/webhooks/${hook.id}`));
      expect(gone).toMatchObject({ status: "disabled", disabledReason: expect.stringContaining("410 Gone") });
      await book(widgetId, slotIds[0]!, { email: "grace@example.com" });
      await worker.runOnce();
      expect(receiver.received).toHaveLength(1);
      expect(await deliveries(hook.id)).toHaveLength(1);

      await t.admin("PATCH", `/v1/admin/webhooks/${hook.id}`, { status: "active" });
      const replay = await t.admin("POST", `/v1/admin/webhooks/${hook.id}/deliveries/${d!.id}/replay`);
      expect(replay.status).toBe(202);
      expect(await json(replay)).toMatchObject({ id: d!.id, status: "pending" });
      await worker.runOnce();
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
      expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 204 });
      expect((await t.admin("POST", `/v1/admin/webhooks/${hook.id}/deliveries/obx_nope/replay`)).status).toBe(404);
    });

    test("rotation: both secrets sign for 24 hours, then only the new one", async () => {
      const hook = await endpoint();
      const rotated = await json<{ secret: string; previousSecretExpiresAt: string }>(
        await t.admin("POST", `/v1/admin/webhooks/${hook.id}/rotate-secret`),
      );
      expect(rotated.secret).not.toBe(hook.secret);
      expect(rotated.previousSecretExpiresAt).toBe(new Date(clock.getTime() + 24 * 3_600_000).toISOString());
      expect((await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`)).status).toBe(202);
      await worker.runOnce();
      const [during] = receiver.received as [ReceivedHook];
      expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      const headers = during.headers as Record<string, string>;
      expect(() => new Webhook(hook.secret).verify(during.body, headers)).not.toThrow();
      expect(() => new Webhook(rotated.secret).verify(during.body, headers)).not.toThrow();

      tick(24 * 3_600_000 + 1000);
      await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`);
      await worker.runOnce();
      const after = receiver.received[1]!;
      expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
      expect(signedWith(rotated.secret, after)).toBe(true);
      expect(signedWith(hook.secret, after)).toBe(false);
    });

    test("a test ping is a webhook.test event naming the endpoint", async () => {
      const hook = await endpoint({ events: ["booking.erased"] });
      const res = await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`);
      expect(res.status).toBe(202);
      expect(await json(res)).toMatchObject({ type: "webhook.test", status: "pending", attempts: 0 });
      await worker.runOnce();
      expect(JSON.parse(receiver.received[0]!.body)).toEqual({
        type: "webhook.test",
        timestamp: clock.toISOString(),
        data: { webhookId: hook.id },
      });
      expect((await t.admin("POST", "/v1/admin/webhooks/whk_nope/test")).status).toBe(404);
    });

    test("the delivery log pages newest first", async () => {
      const hook = await endpoint();
      for (let i = 0; i < 55; i++) {
        await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`);
        tick(1);
      }
      const first = await json<{ data: { createdAt: string }[]; nextCursor: string }>(
        await t.admin("GET", `/v1/admin/webhooks/${hook.id}/deliveries`),
      );
      expect(first.data).toHaveLength(50);
      expect(first.data[0]!.createdAt > first.data[49]!.createdAt).toBe(true);
      const second = await json<{ data: unknown[]; nextCursor: null }>(
        await t.admin("GET", `/v1/admin/webhooks/${hook.id}/deliveries?cursor=${first.nextCursor}`),
      );
      expect(second.data).toHaveLength(5);
      expect(second.nextCursor).toBeNull();
      expect((await t.admin("GET", `/v1/admin/webhooks/${hook.id}/deliveries?cursor=nope`)).status).toBe(400);
    });

    test("private addresses are refused when sending, not reached, unless allowed", async () => {
      await worker.stop();
      worker = makeWorker(false);
      // http and loopback are refused at creation too when not allowed; an https name that resolves to loopback is
      // only found out at send time.
      const strict = await makeTestApi(factory, { allowPrivateWebhooks: false });
      try {
        const refused = await strict.admin("POST", "/v1/admin/webhooks", { url: receiver.url, events: ["*"] });
        expect(refused.status).toBe(422);
        expect(JSON.stringify(await refused.json())).toContain("WEBHOOK_ALLOW_PRIVATE_NETWORKS");
      } finally {
        await strict.cleanup();
      }
      const hook = await endpoint({ url: `https://localhost:${receiver.port}/hooks` });
      await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`);
      await worker.runOnce();
      expect(receiver.received).toHaveLength(0);
      const [d] = await deliveries(hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1 });
      expect(d!.lastError).toMatch(/^Refused: /);
    });

    test("a receiver that does not answer in time is a failed attempt, retried", async () => {
      await worker.stop();
      worker = makeWorker(true, 300);
      receiver.script("hang");
      const hook = await endpoint();
      await t.admin("POST", `/v1/admin/webhooks/${hook.id}/test`);
      await worker.runOnce();
      const [d] = await deliveries(hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1 });
      expect(d!.lastError).toMatch(/Timed out/);
      tick(5_000);
      await worker.runOnce();
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
    });
  });
}
