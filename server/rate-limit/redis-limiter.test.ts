/**
 * @module Rate limits shared across instances through a real Redis on 127.0.0.1:6379: two apps (two clients, one
 * database) count one IP's booking attempts together; with Redis unreachable, each still limits in memory.
 */
import { randomBytes } from "node:crypto";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { makeTestSqliteStore } from "../store/testing.js";
import { bookingBody, makeTestApi, type TestApi } from "../testing/api-harness.js";
import { createRedisLimiter, type SharedLimiter } from "./redis-limiter.js";

const REDIS_URL = process.env.SLOTBOOK_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether Redis answers; under CI a missing Redis is a failure, not a skip (a green run must mean this ran). */
async function requireRedis(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    if (process.env.CI) throw new Error(`CI is set but Redis does not answer at ${REDIS_URL}; start it or unset CI`);
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await requireRedis();

describe.skipIf(!available)("booking rate limits in Redis", () => {
  const prefix = `slotbook:test:${randomBytes(6).toString("hex")}`;
  let limiters: SharedLimiter[] = [];
  let apis: TestApi[] = [];
  afterEach(async () => {
    for (const api of apis.reverse()) await api.cleanup();
    await Promise.all(limiters.map((l) => l.close()));
    apis = [];
    limiters = [];
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  /** Two instances on one database, each with its own Redis client, limited to 5 a minute. */
  async function twoInstances({
    url = REDIS_URL,
    warn,
    reachable = true,
  }: {
    url?: string;
    warn?: (line: string) => void;
    reachable?: boolean;
  } = {}) {
    const made = await makeTestSqliteStore();
    for (let i = 0; i < 2; i++) {
      const rateLimiter = createRedisLimiter({
        url,
        limit: 5,
        windowMs: 60_000,
        keyPrefix: prefix,
        ...(warn ? { warn } : {}),
      });
      limiters.push(rateLimiter);
      expect(await rateLimiter.ready(reachable ? 5000 : 200)).toBe(reachable);
      apis.push(
        await makeTestApi(
          {
            name: "sqlite",
            make: async () => ({ store: made.store, cleanup: i === 0 ? made.cleanup : async () => {} }),
          },
          { rateLimitPerMinute: 5, trustProxy: true, rateLimiter },
        ),
      );
    }
    const { widgetId, slotIds } = await apis[0]!.seed({ capacities: [50] });
    const attempt = (api: TestApi, ip: string, i: number) =>
      api.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { email: `v${ip.replace(/\D/g, "")}-${i}@example.com` }),
        headers: { "x-forwarded-for": ip },
      });
    return { first: apis[0]!, second: apis[1]!, attempt };
  }

  it("counts one client's attempts on every instance together", async () => {
    const { first, second, attempt } = await twoInstances();
    const answers: Response[] = [];
    for (let i = 0; i < 6; i++) answers.push(await attempt(i % 2 ? second : first, "203.0.113.7", i));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429]);
    expect(answers.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["4", "3", "2", "1", "0", "0"]);
    const limited = answers[5]!;
    expect(limited.headers.get("ratelimit-limit")).toBe("5");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    // Another client is counted apart, on either instance.
    expect((await attempt(second, "203.0.113.8", 0)).status).toBe(201);
  });

  it("with Redis unreachable bookings go on, limited per instance, and the outage is said once", async () => {
    const warnings: string[] = [];
    const { first, attempt } = await twoInstances({
      url: "redis://127.0.0.1:1",
      warn: (line) => warnings.push(line),
      reachable: false,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(first, "203.0.113.9", i)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // Said once by the instance that met the outage, however many requests it served meanwhile.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Redis does not answer .*: rate limits count per instance meanwhile$/);
  });

  it("with Redis connected but not answering, a booking waits at most the command timeout, then counts in memory", async () => {
    const redis = await freezableRedis();
    try {
      const warnings: string[] = [];
      const { first, attempt } = await twoInstances({ url: redis.url, warn: (line) => warnings.push(line) });
      expect((await attempt(first, "203.0.113.10", 0)).headers.get("ratelimit-remaining")).toBe("4");
      redis.freeze();
      for (let i = 1; i <= 2; i++) {
        const started = Date.now();
        const res = await attempt(first, "203.0.113.10", i);
        expect(res.status).toBe(201);
        // 500 ms command timeout, plus the booking itself; without the timeout this request never ends.
        expect(Date.now() - started).toBeLessThan(2000);
      }
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Redis does not answer .*timed out.*: rate limits count per instance meanwhile$/i);
      // Redis answers again, counted there. The timed-out commands had reached it, so they count too (4 of 5): an
      // outage errs towards limiting, never towards letting more through.
      redis.thaw();
      const res = await attempt(first, "203.0.113.10", 3);
      expect(res.status).toBe(201);
      expect(res.headers.get("ratelimit-remaining")).toBe("1");
      expect(warnings[1]).toBe("Redis answers again: rate limits are shared across instances again");
    } finally {
      await redis.close();
    }
  });
});

/**
 * A TCP proxy to the test Redis whose replies can be held back, as from a Redis that is paused or behind a partition;
 * `thaw` delivers what was held, in order, like TCP would.
 */
async function freezableRedis() {
  const { hostname, port } = new URL(REDIS_URL);
  const upstreams = new Set<Socket>();
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(Number(port || 6379), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    upstreams.add(upstream);
    upstream.on("close", () => upstreams.delete(upstream));
    client.pipe(upstream);
    upstream.on("data", (chunk) => client.write(chunk));
    if (frozen) upstream.pause();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze() {
      frozen = true;
      for (const upstream of upstreams) upstream.pause();
    },
    thaw() {
      frozen = false;
      for (const upstream of upstreams) upstream.resume();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
