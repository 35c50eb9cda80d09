/**
 * @module `startServer(config)`: the production process — keys, store, migrations, demo seed, HTTP, the outbox
 * worker, purging, graceful shutdown.
 */

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { loadKeyRing } from "./crypto/index.js";
import { createSetupLink } from "./domain/accounts.js";
import type { Deps } from "./domain/deps.js";
import { IDEMPOTENCY_TTL_MS } from "./domain/idempotency.js";
import { type LogFn, stdoutLog } from "./http/request-log.js";
import { createMailer } from "./mail/index.js";
import {
  createOutboxWorker,
  emailDeliverer,
  isPermanentEmailError,
  type OutboxWorker,
  webhookDeliverer,
} from "./outbox/index.js";
import { createRedisLimiter, type SharedLimiter } from "./rate-limit/redis-limiter.js";
import { SIGN_IN_LIMITS } from "./routes/console-auth.js";
import { seedDemo } from "./seed-demo.js";
import { openStore, type Store, sqliteFileIn } from "./store/index.js";

// 10 minutes: records live 24 h, so purging this often keeps at most ~1% extra rows at negligible cost.
const PURGE_EVERY_MS = 10 * 60_000;
// 10 s: in-flight bookings take milliseconds; a client still connected after this is cut off.
const SHUTDOWN_GRACE_MS = 10_000;

/** How `startServer` runs; everything has a default. */
export interface StartServerOptions {
  /** Interface to listen on. Default: the config's `host` (`HOST`, else 127.0.0.1). */
  host?: string;
  /** Request and error log lines; `false` for none. Default: JSON lines on stdout. */
  log?: LogFn | false;
  /** Human start-up lines (addresses). Default: stdout. */
  print?: (line: string) => void;
  /** The development-key warning, said once. Default: stderr. */
  warn?: (line: string) => void;
  /** Close gracefully on SIGINT/SIGTERM. Default true. */
  handleSignals?: boolean;
  /** The outbox worker's clock (due times, leases, retries). Default: the real one. */
  now?: () => Date;
}

/** A running server. */
export interface RunningServer {
  /** Where this process answers, e.g. `http://127.0.0.1:8787` (not PUBLIC_URL). */
  url: string;
  port: number;
  store: Store;
  /** The process's outbox worker (started); tests call `runOnce()` after moving a fake clock. */
  outbox: OutboxWorker;
  /** Stop accepting, finish requests in flight and the deliveries the worker holds, close the store. Safe to call twice. */
  close(): Promise<void>;
}

/** The `DATABASE_URL` in effect; unset means SQLite in the data folder (`SLOTBOOK_DATA_DIR`, default ./.slotbook). */
export function configuredDatabaseUrl(config: Config): string {
  return config.databaseUrl ?? `sqlite:${sqliteFileIn(config.dataDir)}`;
}

/** The store `DATABASE_URL` names; `mustExist`: never create a SQLite file (see `createSqliteStore`). */
export function openConfiguredStore(config: Config, { mustExist = false } = {}): Store {
  return openStore(configuredDatabaseUrl(config), {
    synchronous: config.sqliteSynchronous,
    statementTimeoutMs: config.statementTimeoutMs,
    mustExist,
  });
}

/**
 * Start Slotbook the way `slotbook serve` does and resolve once it listens.
 * @example const server = await startServer(loadConfig({ PORT: "0" }), { host: "127.0.0.1", log: false });
 */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const warn = options.warn ?? ((line: string) => process.stderr.write(`Warning: ${line}\n`));
  const log: LogFn | false = options.log ?? stdoutLog;
  const host = options.host ?? config.host;

  const keys = loadKeyRing({ secret: config.secret, dataDir: config.dataDir, production: config.production, warn });
  const store = openConfiguredStore(config);
  let server: Server | undefined;
  let rateLimiter: SharedLimiter | undefined;
  let closeLimiters = async () => {
    await rateLimiter?.close();
  };
  try {
    await store.migrate();
    const deps: Deps = { store, keys, now: () => new Date(), publicUrl: config.publicUrl };
    const seeded = await seedDemo(deps);
    // Before listening: behind a proxy, a port that accepts is a port that gets requests, and every await between
    // listen and the app below would be a window in which they are answered by the bare 503 placeholder.
    if (config.redisUrl && config.rateLimitPerMinute > 0) {
      rateLimiter = createRedisLimiter({
        url: config.redisUrl,
        limit: config.rateLimitPerMinute,
        windowMs: 60_000,
        warn,
      });
      // Up to 2 s for the connection, so the first requests count in Redis too; without it they count in memory.
      if (!(await rateLimiter.ready()))
        warn("Redis did not answer within 2 s: rate limits count per instance until it does");
    }
    // The app needs the real port (PORT=0) for its PUBLIC_URL default, so it is swapped in after listen, with no
    // await in between: no request can arrive before it.
    let handle: (request: Request, env: HttpBindings) => Response | Promise<Response> = () =>
      new Response(null, { status: 503 });
    // Without https/http2 options the adaptor makes a plain node:http Server.
    server = createAdaptorServer({ fetch: (request, env) => handle(request, env as HttpBindings) }) as Server;
    const port = await listen(server, config.port, host);
    // PORT=0 picks a free port; a PUBLIC_URL defaulted from it must name the real one.
    const publicUrl = config.publicUrl === "http://localhost:0" ? `http://localhost:${port}` : config.publicUrl;
    let signInLimits: { account: SharedLimiter; ip: SharedLimiter } | undefined;
    if (config.redisUrl) {
      const { account, ip, windowMs } = SIGN_IN_LIMITS;
      const shared = (limit: number, keyPrefix: string) =>
        createRedisLimiter({ url: config.redisUrl!, limit, windowMs, keyPrefix, warn });
      signInLimits = {
        account: shared(account, "slotbook:rl:signin-account"),
        ip: shared(ip, "slotbook:rl:signin-ip"),
      };
    }
    const mailDir = join(config.dataDir, "mail");
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir });
    closeLimiters = async () => {
      await rateLimiter?.close();
      await signInLimits?.account.close();
      await signInLimits?.ip.close();
    };
    const app = createApp({
      store,
      keys,
      publicUrl,
      mailer,
      ...(signInLimits ? { signInLimits } : {}),
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.trustProxy,
      log,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      ...(rateLimiter ? { rateLimiter } : {}),
      ...(config.adminKey ? { adminKey: config.adminKey } : {}),
    });
    handle = (request, env) => app.fetch(request, env);

    print(`Slotbook is listening on ${host}:${port} (${store.kind === "sqlite" ? "SQLite" : "PostgreSQL"})`);
    print(`  Demo page:     ${publicUrl}/demo`);
    print(`  API docs:      ${publicUrl}/docs`);
    print(`  Widget script: ${publicUrl}/widget.js`);
    if (rateLimiter)
      print(`Rate limits: counted in Redis at ${new URL(config.redisUrl!).host}, shared by every instance`);
    print(`  Console:       ${publicUrl}/console`);
    if (seeded > 0) print(`Created the demo widget wgt_demo with ${seeded} slots over the next 7 days.`);
    const setupLink = await createSetupLink({ ...deps, publicUrl });
    if (setupLink) print(`Set up the console (this link works once, for 1 hour): ${setupLink}`);

    const purge = () => {
      const before = new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString();
      store.purgeIdempotency(before).catch((error: unknown) => {
        if (log) log({ level: "error", msg: "idempotency purge failed", error: String(error) });
      });
      store.purgeSessions(new Date().toISOString()).catch((error: unknown) => {
        if (log) log({ level: "error", msg: "session purge failed", error: String(error) });
      });
    };
    const timer = setInterval(purge, PURGE_EVERY_MS).unref();

    if (config.smtpUrl || !config.production) print(mailer.describe);
    else warn(`SMTP_URL is not set, so no email leaves this server: messages are written as .eml files to ${mailDir}/`);
    const now = options.now ?? (() => new Date());
    const outbox = createOutboxWorker({
      store,
      deliver: {
        email: emailDeliverer(keys, mailer, now),
        webhook: webhookDeliverer({ store, keys, now, allowPrivateNetworks: config.allowPrivateWebhooks }),
      },
      now,
      isPermanent: isPermanentEmailError,
      ...(log ? { log } : {}),
    });
    if (config.outboxWorker) outbox.start();
    else print("OUTBOX_WORKER=false: no email or webhook leaves this instance; one with the worker on delivers them");
    const stopOutbox = async () => {
      await outbox.stop();
      mailer.close();
      await closeLimiters();
    };
    return running({ server, store, port, host, timer, outbox, stopOutbox }, options.handleSignals ?? true, print);
  } catch (error) {
    server?.close();
    await closeLimiters();
    await store.close().catch(() => {});
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        reject(new Error(`Port ${port} is already in use; stop the other server or set PORT`));
      else if (error.code === "EADDRNOTAVAIL") reject(new Error(`HOST ${host} is not an address of this machine`));
      else reject(error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** What `running` wraps. */
interface Parts {
  server: Server;
  store: Store;
  port: number;
  host: string;
  timer: NodeJS.Timeout;
  outbox: OutboxWorker;
  stopOutbox: () => Promise<void>;
}

function running(parts: Parts, handleSignals: boolean, print: (line: string) => void): RunningServer {
  const { server, store, port, host, timer, outbox, stopOutbox } = parts;
  let closing: Promise<void> | undefined;
  // Answers not yet begun. Once closing, each says `Connection: close` and its connection ends after it: a proxy
  // (nginx's upstream keepalive) must not send its next request down a connection we are about to cut, because it
  // does not resend a POST that was sent (it may have been acted on), and the visitor would get a 502.
  const unanswered = new Set<ServerResponse>();
  server.prependListener("request", (_request: IncomingMessage, response: ServerResponse) => {
    if (closing) {
      response.shouldKeepAlive = false;
      return;
    }
    unanswered.add(response);
    const done = () => unanswered.delete(response);
    response.once("finish", done).once("close", done);
  });
  const close = () => {
    closing ??= (async () => {
      clearInterval(timer);
      process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
      for (const response of unanswered) if (!response.headersSent) response.shouldKeepAlive = false;
      unanswered.clear();
      await new Promise<void>((resolve) => {
        // close() stops accepting and resolves once every connection has ended; keep-alive
        // connections go as soon as they are idle, busy ones after their response.
        server.close(() => resolve());
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.once("close", () => {
          clearInterval(sweep);
          clearTimeout(force);
        });
      });
      // After the requests, which may have written rows to deliver; what the worker holds is sent, nothing new claimed.
      await stopOutbox();
      await store.close();
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      // A second Ctrl+C means "now".
      process.exit(1);
    }
    print(`${signal}: finishing requests in flight, then stopping.`);
    close().then(
      () => print("Stopped."),
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  if (handleSignals) process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
  const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { url: `http://${local}:${port}`, port, store, outbox, close };
}
