/** @module What route modules receive: the app to register on, the domain's dependencies, and the app's options. */
import type { Hono } from "hono";
import type { Deps } from "../domain/deps.js";
import type { SessionCookiePolicy } from "../http/console-session.js";
import type { AppEnv } from "../http/env.js";
import type { LogFn } from "../http/request-log.js";
import type { Mailer } from "../mail/index.js";
import type { Limiter } from "../rate-limit/index.js";
import type { SharedLimiter } from "../rate-limit/redis-limiter.js";

/** Shared by every route module. */
export interface RouteContext {
  app: Hono<AppEnv>;
  deps: Deps;
  log: LogFn;
  rateLimitPerMinute: number;
  /** Counters shared across instances (Redis), when configured. */
  rateLimiter: SharedLimiter | undefined;
  trustProxy: boolean;
  /** SHA-256 of SLOTBOOK_ADMIN_KEY, when set. */
  adminKeyHash: string | undefined;
  /** The console's session cookie and own origin. */
  cookie: SessionCookiePolicy;
  /** Sign-in attempts per account (email) and per client IP. */
  signInLimits: { account: Limiter; ip: Limiter };
  /** Sends the console's test message; undefined when the app was made without one. */
  mailer: Mailer | undefined;
  /** Path of the built widget script. */
  widgetScriptPath: string;
  /** Folder of the built console (index.html and assets/). */
  consoleDir: string;
}
