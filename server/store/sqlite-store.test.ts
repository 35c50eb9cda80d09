/** @module The shared store suite on a SQLite file, plus what only SQLite has: files, pragmas, open failures. */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSqliteStore } from "./sqlite-store.js";
import { runStoreTests } from "./store.case.test.js";
import { makeTestSqliteStore } from "./testing.js";
import { StoreUnavailableError } from "./types.js";

runStoreTests({ name: "sqlite file", makeStore: makeTestSqliteStore });

describe("createSqliteStore", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slotbook-sqlite-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("creates the parent directory and a WAL database with the tables", async () => {
    const filename = join(dir, "nested", "deeper", "slotbook.db");
    const store = createSqliteStore({ filename, synchronous: "FULL" });
    expect(store.kind).toBe("sqlite");
    await store.migrate();
    await store.close();
    const raw = new BetterSqlite3(filename, { readonly: true });
    try {
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      const tables = raw.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(["api_keys", "bookings", "idempotency", "slots", "widgets"]));
    } finally {
      raw.close();
    }
  });

  test("hasMigrated: false for a missing file, which it leaves missing; true once migrated", async () => {
    const filename = join(dir, "later", "slotbook.db");
    const store = createSqliteStore({ filename });
    expect(await store.hasMigrated()).toBe(false);
    expect(existsSync(join(dir, "later"))).toBe(false);
    await store.migrate();
    expect(await store.hasMigrated()).toBe(true);
    await store.close();
  });

  test("hasMigrated: false for a SQLite file without Slotbook's tables", async () => {
    const filename = join(dir, "other-app.db");
    const raw = new BetterSqlite3(filename);
    raw.exec("create table notes (id integer primary key)");
    raw.close();
    const store = createSqliteStore({ filename, mustExist: true });
    expect(await store.hasMigrated()).toBe(false);
    await store.close();
  });

  test("mustExist: a missing file is unavailable, and neither it nor its folder is created", async () => {
    const filename = join(dir, "never", "slotbook.db");
    const store = createSqliteStore({ filename, mustExist: true });
    await expect(store.migrate()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    expect(existsSync(join(dir, "never"))).toBe(false);
  });

  test("a file that cannot be opened is StoreUnavailableError with a generic message", async () => {
    const blocker = join(dir, "not-a-dir");
    await writeFile(blocker, "");
    const store = createSqliteStore({ filename: join(blocker, "slotbook.db") });
    const error = await store.ping().then(
      () => expect.unreachable(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).not.toContain(blocker);
    expect((error as Error).cause).toBeDefined();
    await store.close();
  });

  test("a file that is not a database is StoreUnavailableError", async () => {
    const filename = join(dir, "garbage.db");
    await writeFile(filename, "this is not a database file, just text that is long enough to have a header".repeat(10));
    const store = createSqliteStore({ filename });
    await expect(store.migrate()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  test("bad options throw a TypeError at once", () => {
    expect(() => createSqliteStore({ filename: "" })).toThrow(TypeError);
    expect(() => createSqliteStore({ filename: "x.db", synchronous: "OFF" as "FULL" })).toThrow(TypeError);
  });
});
