/** @module `createApp()`: the Hono app with every route, built from one options object normalised here. */
import { join } from "node:path";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { hashToken, type KeyRing } from "./crypto/index.js";
import type { Deps } from "./domain/deps.js";
import { DomainError } from "./domain/domain-error.js";
import { bodyLeftUnread } from "./http/body-limit.js";
import { sessionCookiePolicy } from "./http/console-session.js";
import type { AppEnv } from "./http/env.js";
import { errorToResponse } from "./http/problem.js";
import { type LogFn, logRequest, stdoutLog } from "./http/request-log.js";
import type { Mailer } from "./mail/index.js";
import { packageRoot } from "./package-root.js";
import { FixedWindowLimiter, type Limiter } from "./rate-limit/index.js";
import type { SharedLimiter } from "./rate-limit/redis-limiter.js";
import { adminBookingRoutes } from "./routes/admin-bookings.js";
import { adminConsoleRoutes } from "./routes/admin-console.js";
import { adminKeyRoutes } from "./routes/admin-keys.js";
import { adminSlotRoutes } from "./routes/admin-slots.js";
import { adminWebhookRoutes } from "./routes/admin-webhooks.js";
import { adminWidgetRoutes } from "./routes/admin-widgets.js";
import { consoleAuthRoutes, SIGN_IN_LIMITS } from "./routes/console-auth.js";
import { consolePageRoutes } from "./routes/console-page.js";
import type { RouteContext } from "./routes/context.js";
import { manageRoutes } from "./routes/manage.js";
import { managePageRoutes } from "./routes/manage-page.js";
import { publicRoutes } from "./routes/public.js";
import { systemRoutes } from "./routes/system.js";
import type { Store } from "./store/types.js";

/** What `createApp` takes; only `store` and `keys` are required. */
export interface AppOptions {
  store: Store;
  keys: KeyRing;
  /** Base URL the app is reached at (manage links, docs); default `http://localhost:8787`. */
  publicUrl?: string;
  /** Booking attempts per client IP per widget per minute; 0 turns limiting off. Default 20. */
  rateLimitPerMinute?: number;
  /**
   * Where booking attempts are counted when several instances must share one count (`createRedisLimiter` for
   * `REDIS_URL`); its limit should be `rateLimitPerMinute`. Default: this process's memory.
   */
  rateLimiter?: SharedLimiter;
  /** Take the client IP from X-Forwarded-For. Default false. */
  trustProxy?: boolean;
  /** A bootstrap admin API key (`SLOTBOOK_ADMIN_KEY`). */
  adminKey?: string;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Where request and error lines go; `false` for none. Default: JSON lines on stdout. */
  log?: LogFn | false;
  /** The built widget script. Default: `dist/embed/widget.js` of this package. */
  widgetScriptPath?: string;
  /** The built console (index.html and assets/), served at /console. Default: `dist/console` of this package. */
  consoleDir?: string;
  /** Accept webhook URLs on plain http and loopback or private networks (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`). Default false. */
  allowPrivateWebhooks?: boolean;
  /** Where the console's test message goes out (the mailer the outbox worker sends with). Default: none. */
  mailer?: Mailer;
  /**
   * Where sign-in attempts are counted (per account, per IP), when a fleet must share one count (Redis). Default:
   * this process's memory, 10 per account and 50 per IP in 15 minutes.
   */
  signInLimits?: { account: Limiter; ip: Limiter };
}

/**
 * Build the Slotbook API as a Hono app; mount it inside another app with `app.route("/booking", createApp(…))`.
 * @example
 * const app = createApp({ store: createSqliteStore({ filename: "slotbook.db" }), keys: parseSecret(secret) });
 * serve({ fetch: app.fetch, port: 8787 });
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  if (!options.store || !options.keys) throw new TypeError("createApp needs { store, keys }");
  const log: LogFn = options.log === false ? () => {} : (options.log ?? stdoutLog);
  const deps: Deps = {
    store: options.store,
    keys: options.keys,
    now: options.now ?? (() => new Date()),
    publicUrl: (options.publicUrl ?? "http://localhost:8787").replace(/\/+$/, ""),
    allowPrivateWebhooks: options.allowPrivateWebhooks ?? false,
  };
  const app = new Hono<AppEnv>();
  const context: RouteContext = {
    app,
    deps,
    log,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 20,
    rateLimiter: options.rateLimiter,
    trustProxy: options.trustProxy ?? false,
    adminKeyHash: options.adminKey ? hashToken(options.adminKey) : undefined,
    widgetScriptPath: options.widgetScriptPath ?? join(packageRoot(), "dist", "embed", "widget.js"),
    consoleDir: options.consoleDir ?? join(packageRoot(), "dist", "console"),
    cookie: sessionCookiePolicy(deps.publicUrl),
    signInLimits: options.signInLimits ?? memorySignInLimits(deps.now),
    mailer: options.mailer,
  };

  app.use(requestId());
  app.use(secureHeaders({ crossOriginResourcePolicy: false }));
  // Ours in one layer (every middleware layer costs every request): the default CORP, `Connection: close` on an
  // answer to a body left unread, the log line.
  const logging = options.log !== false;
  app.use(async (c, next) => {
    const start = performance.now();
    const arrived = c.req.raw;
    await next();
    const headers = c.res.headers;
    if (!headers.has("cross-origin-resource-policy")) headers.set("Cross-Origin-Resource-Policy", "same-origin");
    if (bodyLeftUnread(arrived)) headers.set("connection", "close");
    if (logging) logRequest(log, c, start);
  });

  publicRoutes(context);
  manageRoutes(context);
  adminWidgetRoutes(context);
  adminSlotRoutes(context);
  adminBookingRoutes(context);
  adminKeyRoutes(context);
  adminWebhookRoutes(context);
  adminConsoleRoutes(context);
  consoleAuthRoutes(context);
  systemRoutes(context);
  managePageRoutes(context);
  consolePageRoutes(context);

  // A catch-all route rather than app.notFound: Hono ignores a mounted app's notFound, and the API must answer
  // problem+json for unknown routes also when it lives under another app's prefix.
  // Thrown, so onError answers it like every other error.
  app.all("*", (c) => {
    throw new DomainError("not_found", `No route ${c.req.method} ${c.req.path}`);
  });
  app.onError((err, c) => errorToResponse(err, c, log));
  return app;
}

/** Sign-in limits counted in this process's memory. */
export function memorySignInLimits(now: () => Date = () => new Date()): { account: Limiter; ip: Limiter } {
  const clock = () => now().getTime();
  const { windowMs } = SIGN_IN_LIMITS;
  return {
    account: new FixedWindowLimiter({ limit: SIGN_IN_LIMITS.account, windowMs, now: clock }),
    ip: new FixedWindowLimiter({ limit: SIGN_IN_LIMITS.ip, windowMs, now: clock }),
  };
}
