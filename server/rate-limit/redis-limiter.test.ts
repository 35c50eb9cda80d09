/**
 * @module Rate limits shared across instances through a real Redis on 127.0.0.1:6379: two apps (two clients, one
 * database) count one IP's booking attempts together; with Redis unreachable, each still limits in memory.
 */
import { randomBytes } from "node:crypto";
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
  async function twoInstances(url = REDIS_URL, warn?: (line: string) => void) {
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
      expect(await rateLimiter.ready(url === REDIS_URL ? 5000 : 200)).toBe(url === REDIS_URL);
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
    const { first, attempt } = await twoInstances("redis://127.0.0.1:1", (line) => warnings.push(line));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(first, "203.0.113.9", i)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // Said once by the instance that met the outage, however many requests it served meanwhile.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Redis does not answer .*: rate limits count per instance meanwhile$/);
  });
});
