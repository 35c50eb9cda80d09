/** @module Reads the environment once into a typed config; a bad value stops start-up with one line naming it. */
import { checkDatabaseUrl } from "./store/open-store.js";

/** Everything the server reads from its environment, defaulted. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  secret: string | undefined;
  adminKey: string | undefined;
  publicUrl: string;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  sqliteSynchronous: "NORMAL" | "FULL";
  production: boolean;
  dataDir: string;
  /** Longest a query may run or wait before the request is answered 503 (PostgreSQL). */
  statementTimeoutMs: number;
  /** Listen address. */
  host: string;
  /** Outgoing mail server (`smtp://user:pass@host:port`, `smtps://…`); none: `.eml` files in `<dataDir>/mail/`. */
  smtpUrl: string | undefined;
  /** The sender of every email. */
  mailFrom: { name: string; address: string };
  /** Webhook URLs may be plain http and reach loopback or private addresses (tests, intranets). */
  allowPrivateWebhooks: boolean;
  /** Redis for rate-limit counters shared across instances; none: counted in each process's memory. */
  redisUrl: string | undefined;
  /**
   * Whether this process delivers the outbox (email, webhooks). `false` makes an API-only instance of a fleet whose
   * other instances deliver; the rows it writes wait for them.
   */
  outboxWorker: boolean;
}

/** Thrown for a bad environment value; the message is the one line printed at start-up. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A true/false variable; unset or empty is `fallback`. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback = false): boolean {
  const raw = (env[name] ?? "").toLowerCase();
  if (raw === "") return fallback;
  if (["0", "false", "off", "no"].includes(raw)) return false;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

const ADDRESS = /^[^\s<>@"]+@[^\s<>@"]+$/;

/**
 * A server URL variable (`SMTP_URL`, `REDIS_URL`) with one of `schemes`, or undefined when unset. The value may hold a
 * password, so the message names the variable and the rule (`shape`), never the value.
 */
function serviceUrl(env: NodeJS.ProcessEnv, name: string, schemes: RegExp, shape: string): string | undefined {
  const raw = env[name] || undefined;
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !schemes.test(url.protocol) || !url.hostname) throw new ConfigError(`${name} must look like ${shape}`);
  return raw;
}

function mailFrom(env: NodeJS.ProcessEnv, publicUrl: string): Config["mailFrom"] {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return { name: "Slotbook", address: `no-reply@${new URL(publicUrl).hostname}` };
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(raw);
  const name = (named?.[1] ?? "").replace(/^"(.*)"$/, "$1").trim();
  const address = (named?.[2] ?? raw).trim();
  if (!ADDRESS.test(address)) {
    throw new ConfigError(`MAIL_FROM must be an address or Name <address>, got "${raw}"`);
  }
  return { name: name || "Slotbook", address };
}

/**
 * Build the config from an environment (default `process.env`).
 * @example const config = loadConfig({ PORT: "3000" });
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env, "PORT", 8787, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  try {
    checkDatabaseUrl(databaseUrl);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  }
  const synchronous = (env.SQLITE_SYNCHRONOUS || "NORMAL").toUpperCase();
  if (synchronous !== "NORMAL" && synchronous !== "FULL") {
    throw new ConfigError(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  }
  const adminKey = env.SLOTBOOK_ADMIN_KEY || undefined;
  // 24 characters: short keys are guessable; `slotbook keys create` makes 46.
  if (adminKey && adminKey.length < 24) throw new ConfigError("SLOTBOOK_ADMIN_KEY must be at least 24 characters");
  return {
    port,
    databaseUrl,
    secret: env.SLOTBOOK_SECRET || undefined,
    adminKey,
    publicUrl,
    rateLimitPerMinute: int(env, "RATE_LIMIT_PER_MINUTE", 20, 0, 1_000_000),
    trustProxy: flag(env, "TRUST_PROXY"),
    sqliteSynchronous: synchronous,
    production: env.NODE_ENV === "production",
    dataDir: env.SLOTBOOK_DATA_DIR || ".slotbook",
    // 100 ms to 10 min: below that ordinary statements fail under load; above it a visitor has long given up.
    statementTimeoutMs: int(env, "DATABASE_STATEMENT_TIMEOUT_MS", 5000, 100, 600_000),
    // Loopback by default, so a laptop's server is not on the café's network; a container sets 0.0.0.0.
    host: env.HOST || "127.0.0.1",
    smtpUrl: serviceUrl(env, "SMTP_URL", /^smtps?:$/, "smtp://user:pass@host:port or smtps://user:pass@host:port"),
    mailFrom: mailFrom(env, publicUrl),
    allowPrivateWebhooks: flag(env, "WEBHOOK_ALLOW_PRIVATE_NETWORKS"),
    redisUrl: serviceUrl(env, "REDIS_URL", /^rediss?:$/, "redis://host:6379 or rediss://user:pass@host:6380"),
    outboxWorker: flag(env, "OUTBOX_WORKER", true),
  };
}
