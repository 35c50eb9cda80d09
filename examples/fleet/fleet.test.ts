/**
 * @module The fleet example for real: nginx (the template filled in) in front of three built `slotbook serve`
 * processes on a fresh PostgreSQL database, one Redis and an in-process SMTP server. Everything goes THROUGH nginx:
 * seats never oversold, one booking per Idempotency-Key, one rate limit for the fleet, each email sent once, and a
 * rolling restart under load that loses no booking.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../../server/mail/testing.js";
import { postgresAvailable, TEST_POSTGRES_URL } from "../../server/store/testing.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../../server/testing/api-harness.js";
import { type Fleet, startFleet } from "./fleet.js";
import { NGINX_BIN, nginxInstalled } from "./nginx-process.js";
import { createTestDatabase, redisAvailable, TEST_REDIS_URL, waitUntil } from "./test-services.js";
import { closeVisitorAgents, type VisitorResponse, visitorAddress, visitorRequest } from "./visitor-request.js";

// 12 a minute per visitor and widget: small enough that test 3 crosses it with a few dozen requests.
const RATE_LIMIT = 12;

const missing = [
  ...(nginxInstalled() ? [] : [`nginx (${NGINX_BIN})`]),
  ...((await postgresAvailable()) ? [] : [`PostgreSQL (${TEST_POSTGRES_URL})`]),
  ...((await redisAvailable()) ? [] : [`Redis (${TEST_REDIS_URL})`]),
];
// Under CI a green run must mean this ran: a missing service fails it instead of skipping it.
if (missing.length > 0 && process.env.CI)
  throw new Error(`CI is set but the fleet test cannot run without ${missing.join(", ")}; install it or unset CI`);

describe.skipIf(missing.length > 0)(
  `a fleet behind nginx${missing.length ? ` (skipped: no ${missing.join(", ")})` : ""}`,
  () => {
    let fleet: Fleet;
    let smtp: TestSmtpServer;
    let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    const widgets: string[] = [];
    let visitors = 0;
    const nextVisitor = () => visitorAddress(++visitors);

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      database = await createTestDatabase();
      fleet = await startFleet({
        databaseUrl: database.url,
        secret: TEST_SECRET,
        redisUrl: TEST_REDIS_URL,
        env: {
          SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
          SMTP_URL: smtp.url,
          MAIL_FROM: "Escuela Sol <hola@escuela.test>",
          RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        },
      });
    }, 90_000);

    afterAll(async () => {
      await fleet?.close();
      closeVisitorAgents();
      await smtp?.close();
      await database?.drop();
      // The counters expire after a minute anyway; these widgets will not be seen again.
      const redis = new Redis(TEST_REDIS_URL);
      for (const id of widgets) {
        const keys = await redis.keys(`slotbook:rl:booking:*|${id}`);
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
    }, 60_000);

    /** An admin call through nginx. */
    async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${fleet.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    }

    /** A new widget (its own rate-limit counters) with one slot two days ahead. */
    async function seed(capacity: number, widget: Record<string, unknown> = {}) {
      const { id } = await admin<{ id: string }>("POST", "/v1/admin/widgets", {
        title: "Fleet class",
        reminders: [],
        ...widget,
      });
      widgets.push(id);
      const start = Date.now() + 2 * 86_400_000;
      const slot = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
      const { slots } = await admin<{ slots: { id: string }[] }>("POST", `/v1/admin/widgets/${id}/slots`, {
        slots: [{ ...slot, capacity }],
      });
      return { widgetId: id, slotId: slots[0]!.id };
    }

    /** A booking through nginx, from `from`, as the widget sends it. */
    function book(widgetId: string, slotId: string, o: { from: string; email: string; key?: string }) {
      return visitorRequest(`${fleet.url}/v1/widgets/${widgetId}/bookings`, {
        from: o.from,
        headers: o.key ? { "idempotency-key": o.key } : {},
        body: { slotId, name: "Ada Lovelace", email: o.email },
      });
    }

    /** The instances nginx sent this widget's booking requests to, per its access log. */
    function instancesUsed(widgetId: string): Set<string> {
      const lines = fleet.nginx.accessLog().split("\n");
      const used = lines
        .filter((line) => line.includes(`/v1/widgets/${widgetId}/bookings`))
        .flatMap((line) => /upstream=(\S+)/.exec(line)?.[1]?.split(",") ?? []);
      return new Set(used.map((u) => u.trim()));
    }

    /** Every booking of a widget, through the admin API (all pages). */
    async function bookingsOf(widgetId: string) {
      const all: { id: string; status: string; email: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: typeof all; nextCursor: string | null } = await admin(
          "GET",
          `/v1/admin/bookings?widgetId=${widgetId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        all.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    }

    const code = (res: VisitorResponse) => (res.status >= 400 ? res.json<{ code: string }>().code : undefined);

    it("40 visitors race for 5 seats: exactly 5 get 201, 35 get slot_full, and the admin API agrees", async () => {
      const { widgetId, slotId } = await seed(5);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          book(widgetId, slotId, { from: nextVisitor(), email: `race${i}@example.com` }),
        ),
      );
      const created = answers.filter((r) => r.status === 201);
      expect(created).toHaveLength(5);
      expect(answers.filter((r) => r.status === 409 && code(r) === "slot_full")).toHaveLength(35);
      // PUBLIC_URL is nginx's address: the links in answers and emails lead through it.
      for (const res of created)
        expect(res.json<{ manageUrl: string }>().manageUrl.startsWith(`${fleet.url}/`)).toBe(true);
      expect(instancesUsed(widgetId).size).toBe(3);

      const { slots } = await admin<{ slots: { booked: number; capacity: number }[] }>(
        "GET",
        `/v1/admin/widgets/${widgetId}/slots`,
      );
      expect(slots[0]).toMatchObject({ booked: 5, capacity: 5 });
      const listed = await bookingsOf(widgetId);
      expect(listed.map((b) => b.id).sort()).toEqual(
        created.map((r) => r.json<{ booking: { id: string } }>().booking.id).sort(),
      );
    });

    it("one Idempotency-Key sent 24 times at once, to every instance: one booking, one answer, 23 replays", async () => {
      const { widgetId, slotId } = await seed(10);
      const key = randomUUID();
      // From 24 addresses: one visitor sending 24 times would meet the rate limit first.
      const answers = await Promise.all(
        Array.from({ length: 24 }, () =>
          book(widgetId, slotId, { from: nextVisitor(), email: "ada@example.com", key }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(24).fill(201));
      expect(new Set(answers.map((r) => r.text)).size).toBe(1);
      const replays = answers.filter((r) => r.headers["idempotent-replayed"] === "true");
      expect(replays).toHaveLength(23);
      expect(instancesUsed(widgetId).size).toBe(3);
      const [only] = await bookingsOf(widgetId);
      expect(only?.id).toBe(answers[0]!.json<{ booking: { id: string } }>().booking.id);
      expect(await bookingsOf(widgetId)).toHaveLength(1);
    });

    it(`the rate limit holds for the fleet: of 36 attempts by one visitor, ${RATE_LIMIT} pass, on any instance`, async () => {
      const { widgetId, slotId } = await seed(100);
      const from = nextVisitor();
      const answers = await Promise.all(
        Array.from({ length: 3 * RATE_LIMIT }, (_, i) => book(widgetId, slotId, { from, email: `rl${i}@example.com` })),
      );
      const limited = answers.filter((r) => r.status === 429);
      const outputs = () => fleet.instances.map((i) => i.output()).join("\n");
      // Per instance, the three would have let up to 36 through; in Redis they count together.
      expect(
        answers.filter((r) => r.status === 201),
        outputs(),
      ).toHaveLength(RATE_LIMIT);
      expect(limited).toHaveLength(2 * RATE_LIMIT);
      for (const res of limited) {
        expect(code(res)).toBe("rate_limited");
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      }
      expect(instancesUsed(widgetId).size).toBe(3);
      // The visitor is nginx's $remote_addr in X-Forwarded-For: a forged header of its own changes nothing …
      const forged = await visitorRequest(`${fleet.url}/v1/widgets/${widgetId}/bookings`, {
        from,
        headers: { "x-forwarded-for": "203.0.113.9" },
        body: { slotId, name: "Ada", email: "forged@example.com" },
      });
      expect(forged.status).toBe(429);
      // … and another visitor has a count of their own.
      expect((await book(widgetId, slotId, { from: nextVisitor(), email: "other@example.com" })).status).toBe(201);
    });

    it("three outbox workers, each email sent once: every visitor's confirmation and every team notice", async () => {
      const team = `team-${randomBytes(4).toString("hex")}@escuela.test`;
      const { widgetId, slotId } = await seed(20, { notifyEmails: [team] });
      const emails = Array.from({ length: 12 }, (_, i) => `mail${i}-${widgetId.toLowerCase()}@example.com`);
      const answers = await Promise.all(emails.map((email) => book(widgetId, slotId, { from: nextVisitor(), email })));
      expect(answers.map((r) => r.status)).toEqual(Array(12).fill(201));
      const ours = () => smtp.received.filter((m) => m.to.some((to) => to === team || emails.includes(to)));
      await waitUntil(() => ours().length >= 24, 30_000, "24 messages");
      // Time for a duplicate to arrive, were one coming: two polls (1 s) of every worker.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const mails = ours();
      expect(mails).toHaveLength(24);
      for (const email of emails) expect(mails.filter((m) => m.to.includes(email))).toHaveLength(1);
      const notices = mails.filter((m) => m.to.includes(team));
      expect(notices).toHaveLength(12);
      for (const email of emails) expect(notices.filter((m) => m.mail.text?.includes(email))).toHaveLength(1);
      expect(new Set(mails.map((m) => m.mail.messageId)).size).toBe(24);
    }, 60_000);

    it("a rolling restart under load: each instance SIGTERMed and started again, no booking lost or doubled", async () => {
      const { widgetId, slotId } = await seed(10_000);
      const booked: string[] = [];
      const failures: string[] = [];
      const retried: Record<string, number> = {};
      let stop = false;
      /** One visitor's booking, retried with the same key on a network error, 502 or 503, as the widget does. */
      const bookOnce = async (n: number) => {
        const from = nextVisitor();
        const key = randomUUID();
        for (let attempt = 1; attempt <= 20; attempt++) {
          const res = await book(widgetId, slotId, { from, email: `roll${n}@example.com`, key }).catch(
            (error: Error) => error,
          );
          if (!(res instanceof Error) && res.status === 201)
            return booked.push(res.json<{ booking: { id: string } }>().booking.id);
          const why = res instanceof Error ? res.message : String(res.status);
          if (!(res instanceof Error) && res.status !== 502 && res.status !== 503)
            return failures.push(`booking ${n}: ${res.status} ${res.text}`);
          retried[why] = (retried[why] ?? 0) + 1;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
        failures.push(`booking ${n}: still failing after 20 attempts`);
      };
      let made = 0;
      const loops = Array.from({ length: 4 }, async () => {
        while (!stop) await bookOnce(made++);
      });
      const progress = (more: number) => {
        const target = booked.length + more;
        return waitUntil(() => booked.length >= target || failures.length > 0, 30_000, `${more} more bookings`);
      };

      try {
        await progress(5);
        for (let i = 0; i < fleet.instances.length; i++) {
          const exit = await fleet.restart(i);
          // A graceful stop: the process finished its requests and its outbox deliveries and exited 0.
          expect(exit, fleet.instances[i]!.output().slice(-2000)).toEqual({ code: 0, signal: null });
          await progress(5);
        }
      } finally {
        stop = true;
        await Promise.all(loops);
      }

      expect(failures).toEqual([]);
      expect(booked.length).toBe(made);
      expect(new Set(booked).size).toBe(booked.length);
      const listed = await bookingsOf(widgetId);
      expect(listed.map((b) => b.id).sort()).toEqual([...booked].sort());
      const { slots } = await admin<{ slots: { booked: number }[] }>("GET", `/v1/admin/widgets/${widgetId}/slots`);
      expect(slots[0]?.booked).toBe(booked.length);
      // Each booking's confirmation, once: a graceful stop sends what its worker holds and claims nothing more.
      const rolled = new Set(Array.from({ length: made }, (_, n) => `roll${n}@example.com`));
      const confirmations = () => smtp.received.filter((m) => m.to.some((to) => rolled.has(to)));
      await waitUntil(() => confirmations().length >= made, 30_000, `${made} confirmations`);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(confirmations()).toHaveLength(made);
      expect(new Set(confirmations().flatMap((m) => m.to)).size).toBe(made);

      // For whoever reads the log: how often nginx moved a booking to another instance (refused connections), and
      // how often a visitor had to retry (a reset as an instance closed an idle kept-alive connection).
      const movedByNginx = fleet.nginx
        .accessLog()
        .split("\n")
        .filter((line) => line.includes(`/v1/widgets/${widgetId}/bookings`) && /upstream=\S+, /.test(line)).length;
      console.info(
        `rolling restart: ${booked.length} bookings, ${movedByNginx} moved by nginx, visitors retried ${JSON.stringify(retried)}`,
      );
    }, 120_000);
  },
);
