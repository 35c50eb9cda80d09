/** @module openStore picks the engine from DATABASE_URL and refuses anything else. */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { describeDatabase, openStore } from "./open-store.js";

test("no URL: SQLite, opened lazily (nothing is created until first use)", async () => {
  const store = openStore(undefined);
  expect(store.kind).toBe("sqlite");
  await store.close();
  expect(openStore("").kind).toBe("sqlite");
});

test("sqlite:PATH and sqlite://PATH open that file", async () => {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-open-"));
  try {
    for (const url of [`sqlite:${join(dir, "a", "one.db")}`, `sqlite://${join(dir, "two.db")}`]) {
      const store = openStore(url, { synchronous: "FULL" });
      expect(store.kind).toBe("sqlite");
      await store.migrate();
      await store.close();
    }
    expect((await stat(join(dir, "a", "one.db"))).isFile()).toBe(true);
    expect((await stat(join(dir, "two.db"))).isFile()).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("postgres:// and postgresql:// pick PostgreSQL", async () => {
  for (const url of ["postgres://u@127.0.0.1:1/db", "postgresql://u@127.0.0.1:1/db"]) {
    const store = openStore(url, { schema: "app", max: 2 });
    expect(store.kind).toBe("postgres");
    await store.close();
  }
});

test("other schemes and an empty sqlite path throw a TypeError that names the variable, not the password", () => {
  expect(() => openStore("mysql://root:hunter2@db/app")).toThrow(/DATABASE_URL.*mysql:/);
  expect(() => openStore("mysql://root:hunter2@db/app")).not.toThrow(/hunter2/);
  expect(() => openStore("./file.db")).toThrow(TypeError);
  expect(() => openStore("sqlite:")).toThrow(/DATABASE_URL/);
});

test("describeDatabase names the engine and where, never the user or password", () => {
  expect(describeDatabase(undefined)).toBe(`SQLite database ${join(process.cwd(), ".slotbook", "slotbook.db")}`);
  expect(describeDatabase("sqlite:/srv/data/app.db")).toBe("SQLite database /srv/data/app.db");
  expect(describeDatabase("sqlite:///srv/data/app.db")).toBe("SQLite database /srv/data/app.db");
  expect(describeDatabase("postgres://app:hunter2@db.internal:6543/slotbook?sslmode=require")).toBe(
    "PostgreSQL database postgres://db.internal:6543/slotbook",
  );
  expect(describeDatabase("postgresql://app@db.internal/slotbook")).toBe(
    "PostgreSQL database postgres://db.internal:5432/slotbook",
  );
});
