/**
 * @module Test helpers for the fleet test: whether Redis answers, a fresh PostgreSQL database (dropped after), and
 * waiting for a condition. No vitest import here.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { TEST_POSTGRES_URL } from "../../server/store/testing.js";

/** The Redis the tests use (as the rate-limit suite does). */
export const TEST_REDIS_URL = process.env.SLOTBOOK_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether Redis answers at `TEST_REDIS_URL`. */
export async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * A new, empty database `sb_fleet_<random>` on the test PostgreSQL: a fleet migrates it as a deploy would.
 * @example const db = await createTestDatabase(); … await db.drop();
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sb_fleet_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  // `with (force)` (PostgreSQL 13+): an instance killed outright may leave a connection behind.
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Resolves once `check()` is true; rejects after `timeoutMs`, naming `what`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
