/**
 * @module Rate-limit counters in Redis (`REDIS_URL`), shared by every instance of a fleet: rate-limiter-flexible's
 * fixed windows over one ioredis client. When Redis cannot be reached, each instance goes on limiting alone, in
 * memory, and says so once per outage: a booking never fails because the limiter's store is down.
 */
import { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { FixedWindowLimiter, type RateLimitResult } from "./index.js";

// 500 ms: Redis answers in about a millisecond, even across zones; a booking should not wait longer than this for
// its counter, and a timeout only means one attempt is counted in this process's memory instead.
const COMMAND_TIMEOUT_MS = 500;

/** A limiter whose verdicts may take a round trip; `close` lets go of its connection. */
export interface SharedLimiter {
  hit(key: string): Promise<RateLimitResult>;
  /** Resolves once connected, or after `timeoutMs` (until then hits count in memory); true when connected. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** What `createRedisLimiter` takes. */
export interface RedisLimiterOptions {
  /** `redis://…` or `rediss://…`. */
  url: string;
  /** Hits allowed per key per window (> 0). */
  limit: number;
  windowMs: number;
  /** Key prefix in Redis; default `slotbook:rl:booking`. Tests use their own. */
  keyPrefix?: string;
  /** One line when Redis stops answering, one when it answers again. */
  warn?: (line: string) => void;
}

/**
 * A limiter that counts in Redis, falling back to memory while Redis is unreachable.
 * @example const limiter = createRedisLimiter({ url: process.env.REDIS_URL!, limit: 20, windowMs: 60_000 });
 */
export function createRedisLimiter(options: RedisLimiterOptions): SharedLimiter {
  const { limit, windowMs, warn = () => {} } = options;
  // No offline queue and one try per command: a booking waits for no reconnect, it is limited in memory instead.
  // The command timeout covers a Redis that is connected but stops answering (frozen, partitioned): without it the
  // booking would wait for the reply forever.
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  // ioredis reports every failed reconnect as an 'error' event; the first is said below, the rest are noise.
  client.on("error", () => {});
  const shared = new RateLimiterRedis({
    storeClient: client,
    points: limit,
    duration: Math.ceil(windowMs / 1000),
    keyPrefix: options.keyPrefix ?? "slotbook:rl:booking",
  });
  // Our own fallback rather than rate-limiter-flexible's `insuranceLimiter`: RateLimiterMemory keeps a timer per key
  // and no cap, so a flood of client IPs during an outage could exhaust memory; FixedWindowLimiter is bounded and is
  // already the limiter without Redis. Catching the store's error here is also what tells us an outage began.
  const local = new FixedWindowLimiter({ limit, windowMs });
  let down = false;

  const verdict = (res: RateLimiterRes, allowed: boolean): RateLimitResult => ({
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetMs: res.msBeforeNext,
  });

  return {
    async hit(key) {
      try {
        const res = await shared.consume(key);
        if (down) {
          down = false;
          warn("Redis answers again: rate limits are shared across instances again");
        }
        return verdict(res, true);
      } catch (error) {
        if (error instanceof RateLimiterRes) return verdict(error, false);
        if (!down) {
          down = true;
          warn(
            `Redis does not answer (${(error as Error)?.message ?? error}): rate limits count per instance meanwhile`,
          );
        }
        return local.hit(key);
      }
    },
    ready(timeoutMs = 2000) {
      if (client.status === "ready") return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(false), timeoutMs);
        const onReady = () => done(true);
        const done = (connected: boolean) => {
          clearTimeout(timer);
          client.off("ready", onReady);
          resolve(connected);
        };
        client.on("ready", onReady);
      });
    },
    async close() {
      client.disconnect();
    },
  };
}
