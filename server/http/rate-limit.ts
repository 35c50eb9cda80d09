/** @module Booking attempts (and funnel events) per client IP per widget per minute, with `RateLimit-*` and `Retry-After` headers. */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../domain/domain-error.js";
import { FixedWindowLimiter } from "../rate-limit/index.js";
import type { SharedLimiter } from "../rate-limit/redis-limiter.js";
import { clientIp } from "./client-ip.js";
import type { AppEnv } from "./env.js";

/**
 * Rate-limits by `ip|widget id` (the widget the CORS middleware loaded); a limit of 0 turns it off. Counts in
 * `shared` (Redis, one count for the whole fleet) when given, else in this process's memory.
 */
export function bookingRateLimit(options: {
  perMinute: number;
  trustProxy: boolean;
  now?: () => number;
  shared?: SharedLimiter | undefined;
  /** The 429's detail. */
  message?: string;
}): MiddlewareHandler<AppEnv> {
  if (options.perMinute === 0) return (_c, next) => next();
  const limiter =
    options.shared ?? new FixedWindowLimiter({ limit: options.perMinute, windowMs: 60_000, now: options.now });
  return async (c, next) => {
    const result = await limiter.hit(`${clientIp(c, options.trustProxy)}|${c.get("widget")?.id}`);
    const reset = String(Math.ceil(result.resetMs / 1000));
    const headers = {
      "RateLimit-Limit": String(result.limit),
      "RateLimit-Remaining": String(result.remaining),
      "RateLimit-Reset": reset,
    };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (!result.allowed) {
      throw new DomainError("rate_limited", options.message ?? "Too many booking attempts; try again in a minute", {
        retryAfter: Number(reset),
      });
    }
    return next();
  };
}
