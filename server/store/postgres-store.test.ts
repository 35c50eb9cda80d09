/** @module The shared store suite on PostgreSQL (when it answers), plus multi-pool races and migrations. */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createPostgresStore } from "./postgres-store.js";
import { runStoreTests } from "./store.case.test.js";
import { dropTestSchema, makeTestPostgresStore, requirePostgres, TEST_POSTGRES_URL } from "./testing.js";
import { type SlotRow, type Store, StoreUnavailableError } from "./types.js";

const available = await requirePostgres();

describe.skipIf(!available)("postgres", () => {
  runStoreTests({ name: "postgres schema", makeStore: makeTestPostgresStore });

  test("text columns sort bytewise (collation C), so time and id order match SQLite's", async () => {
    const { schema, cleanup } = await makeTestPostgresStore();
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select column_name, collation_name from information_schema.columns where table_schema = $1 and table_name = 'bookings'",
        [schema],
      );
      const collations = Object.fromEntries(rows.map((r) => [r.column_name, r.collation_name]));
      expect(collations).toMatchObject({ id: "C", created_at: "C", updated_at: "C", email_index: "C", slot_id: "C" });
    } finally {
      await client.end();
      await cleanup();
    }
  });

  describe("two stores (two pools) on one database", () => {
    let first: Store;
    let second: Store;
    let schema: string;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store: first, schema, cleanup } = await makeTestPostgresStore());
      second = createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    });
    afterEach(async () => {
      await second.close();
      await cleanup();
    });

    test("300 bookings racing from both pools take exactly 10 seats", async () => {
      const now = "2026-12-01T09:00:00.000Z";
      await first.insertWidget({ id: "wgt_a", status: "active", config: "{}", createdAt: now, updatedAt: now });
      const slot: SlotRow = {
        ...{ id: "slot_a", widgetId: "wgt_a", startsAt: now, endsAt: now, capacity: 10, booked: 0, label: null },
        ...{ status: "active", createdAt: now, updatedAt: now },
      };
      await first.insertSlots([slot]);
      const attempt = (store: Store, i: number) =>
        store.transaction(async (tx) => {
          // A read before the write, as the booking route does: the UPDATE must still re-check under the row lock.
          if ((await tx.getSlot("slot_a"))?.status !== "active") return false;
          if (!(await tx.takeSeat("slot_a", now))) return false;
          await tx.insertBooking({
            ...{ id: `bkg_${i}`, widgetId: "wgt_a", slotId: "slot_a", status: "confirmed", emailIndex: `e${i}` },
            ...{
              pii: "x",
              tokenHash: "h",
              createdAt: now,
              updatedAt: now,
              cancelledAt: null,
              cancelReason: null,
              erasedAt: null,
              source: null,
              attendance: null,
            },
          });
          return true;
        });
      const outcomes = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(i % 2 ? first : second, i)));
      expect(outcomes.filter(Boolean)).toHaveLength(10);
      expect(await second.getSlot("slot_a")).toMatchObject({ booked: 10 });
      expect(await first.listBookings({ slotId: "slot_a", limit: 500 })).toHaveLength(10);
    });

    test("migrating from both at once on a fresh schema applies each migration once", async () => {
      const fresh = `${schema}_m`;
      const a = createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema: fresh });
      const b = createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema: fresh });
      try {
        await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
        const createdAt = "2026-12-01T09:00:00.000Z";
        await a.insertApiKey({ id: "key_1", hash: "h", label: null, createdAt, lastUsedAt: null });
        expect(await b.findApiKey("h")).toMatchObject({ id: "key_1" });
      } finally {
        await a.close();
        await b.close();
        await dropTestSchema(fresh);
      }
    });
  });
});

describe.skipIf(!available)("postgres hasMigrated", () => {
  test("false for a schema that is not there, which asking does not create; true once migrated", async () => {
    const { schema, cleanup } = await makeTestPostgresStore();
    const fresh = `${schema}_h`;
    const store = createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema: fresh });
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    const schemaExists = async () =>
      (await client.query("select 1 from information_schema.schemata where schema_name = $1", [fresh])).rowCount === 1;
    try {
      expect(await store.hasMigrated()).toBe(false);
      expect(await schemaExists()).toBe(false);
      // An empty schema of that name is no Slotbook database either; another schema's tables do not count.
      await client.query(`create schema ${fresh}`);
      expect(await store.hasMigrated()).toBe(false);
      await store.migrate();
      expect(await store.hasMigrated()).toBe(true);
    } finally {
      await client.end();
      await store.close();
      await dropTestSchema(fresh);
      await cleanup();
    }
  });

  test("false for a database that does not exist", async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = "/sb_test_no_such_database";
    const store = createPostgresStore({ connectionString: url.href });
    expect(await store.hasMigrated()).toBe(false);
    await store.close();
  });
});

describe("postgres unavailable", () => {
  test("a store on a closed port rejects ping() with StoreUnavailableError, generically worded", async () => {
    const store = createPostgresStore({ connectionString: "postgres://postgres:secret@127.0.0.1:1/test" });
    const error = await store.ping().then(
      () => expect.unreachable(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).not.toMatch(/secret|127\.0\.0\.1|select/i);
    expect((error as Error).cause).toBeDefined();
    // Not reachable is not "no database": hasMigrated fails too, rather than answering false.
    await expect(store.hasMigrated()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  test("bad options throw a TypeError at once", () => {
    expect(() => createPostgresStore({ connectionString: "" })).toThrow(TypeError);
    expect(() => createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema: "x; drop" })).toThrow(TypeError);
    expect(() => createPostgresStore({ connectionString: TEST_POSTGRES_URL, max: 0 })).toThrow(TypeError);
  });
});
