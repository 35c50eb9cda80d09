/**
 * @module Every command but `serve` works on the database `serve` made: it names it, and where there is none it
 * refuses (exit 2, one line) instead of creating an empty database and a new development key.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer } from "../serve.js";
import { openStore } from "../store/index.js";
import { requirePostgres, TEST_POSTGRES_URL } from "../store/testing.js";
import { makeTestCli, type TestCli } from "./run-for-test.js";

/** One invocation of each command that opens the database. */
const COMMANDS: string[][] = [
  ["keys", "create"],
  ["widget", "create", "--title", "Yoga"],
  ["slots", "add", "--widget", "wgt_demo", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "5"],
  ["snippet", "--widget", "wgt_demo"],
  ["bookings", "export", "--widget", "wgt_demo"],
];

const named = COMMANDS.map((argv) => [argv.slice(0, 2).join(" "), argv] as const);

/** A CLI on a data folder with nothing in it, and no SLOTBOOK_SECRET: a shell in the wrong directory. */
async function emptyFolderCli(): Promise<TestCli & { dir: string }> {
  const cli = await makeTestCli({ SLOTBOOK_SECRET: "" }, { database: false });
  return Object.assign(cli, { dir: dirname(cli.filename) });
}

describe("commands on SQLite", () => {
  it.each(named)("%s with no database: exit 2, one line naming the file, and nothing created", async (_, argv) => {
    const cli = await emptyFolderCli();
    try {
      const result = await cli.run(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.endsWith("\n")).toBe(true);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`SQLite database ${cli.filename} is missing`);
      expect(result.stderr).toContain('"slotbook serve"');
      // Neither a database file (nor its -wal/-shm) nor a development key.
      expect(readdirSync(cli.dir)).toEqual([]);
    } finally {
      await cli.cleanup();
    }
  });

  it("refuses a database folder that does not exist, without making it", async () => {
    const cli = await emptyFolderCli();
    const elsewhere = join(cli.dir, "other", ".slotbook");
    try {
      const moved = await makeTestCli({ SLOTBOOK_SECRET: "", SLOTBOOK_DATA_DIR: elsewhere }, { database: false });
      const there = await moved.run("keys", "create");
      await moved.cleanup();
      expect(there.code).toBe(2);
      expect(there.stderr).toContain(`SQLite database ${join(elsewhere, "slotbook.db")} is missing`);
      expect(existsSync(join(cli.dir, "other"))).toBe(false);
    } finally {
      await cli.cleanup();
    }
  });

  it("works where `slotbook serve` ran: same database, same development key, and says which database", async () => {
    const cli = await emptyFolderCli();
    try {
      // The real start-up: migrations, the demo widget and a generated development key in the folder.
      const server = await startServer(loadConfig({ ...cli.env, PORT: "0" }), {
        log: false,
        print: () => {},
        warn: () => {},
        handleSignals: false,
      });
      await server.close();
      const made = readdirSync(cli.dir).sort();
      expect(made).toContain("secret");

      const snippet = await cli.run("snippet", "--widget", "wgt_demo");
      expect(snippet.code).toBe(0);
      expect(snippet.stderr).toBe(`Using SQLite database ${cli.filename}\n`);
      expect(snippet.stdout).toContain('data-slotbook="wgt_demo"');
      // The export decrypts with the key the server generated, and says it is the development key.
      const exported = await cli.run("bookings", "export", "--widget", "wgt_demo");
      expect(exported.code).toBe(0);
      expect(exported.stderr).toMatch(
        new RegExp(`^Using SQLite database ${cli.filename}\nWarning: Using the development key in .*secret`),
      );
      expect(readdirSync(cli.dir).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(
        made.filter((f) => !/-(wal|shm)$/.test(f)),
      );
    } finally {
      await cli.cleanup();
    }
  });

  it("an existing database without SLOTBOOK_SECRET or the server's development key: refused, no key made", async () => {
    const cli = await makeTestCli({ SLOTBOOK_SECRET: "" });
    try {
      const result = await cli.run("keys", "create");
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^SLOTBOOK_SECRET is not set and there is no development key in \S+secret; /);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(dirname(cli.filename), "secret"))).toBe(false);
    } finally {
      await cli.cleanup();
    }
  });
});

describe.skipIf(!(await requirePostgres()))("commands on PostgreSQL", () => {
  // A database of its own: "no Slotbook database" on PostgreSQL means no migration table in it.
  const name = `sb_test_cli_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  // A password the server (trust auth) does not need, to show it is never printed.
  url.password = "hunter2";
  const shown = `postgres://${url.hostname}:${url.port || "5432"}/${name}`;

  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it.each(COMMANDS)(
    "%s … on a database without Slotbook's tables: exit 2, one line, nothing created",
    async (...argv) => {
      const cli = await makeTestCli({ DATABASE_URL: url.href }, { database: false });
      try {
        const result = await cli.run(...argv);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toContain(`PostgreSQL database ${shown} is missing`);
        expect(result.stderr).not.toContain("hunter2");
        const client = new pg.Client({ connectionString: url.href });
        await client.connect();
        const { rows } = await client.query(
          "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
        );
        await client.end();
        expect(rows).toEqual([{ n: 0 }]);
        expect(readdirSync(dirname(cli.filename))).toEqual([]);
      } finally {
        await cli.cleanup();
      }
    },
  );

  it("a database that does not exist at all is refused the same way", async () => {
    const missing = new URL(url.href);
    missing.pathname = `/${name}_none`;
    const cli = await makeTestCli({ DATABASE_URL: missing.href }, { database: false });
    try {
      const result = await cli.run("keys", "create");
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`PostgreSQL database ${shown}_none is missing`);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await cli.cleanup();
    }
  });

  it("works once migrated as `serve` does, and names the database without its password", async () => {
    const store = openStore(url.href);
    await store.migrate();
    await store.close();
    const cli = await makeTestCli({ DATABASE_URL: url.href }, { database: false });
    try {
      const result = await cli.run("widget", "create", "--title", "Yoga");
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`Using PostgreSQL database ${shown}\n`);
      expect(result.stdout).toMatch(/Created widget wgt_/);
      expect(readdirSync(dirname(cli.filename))).toEqual([]);
    } finally {
      await cli.cleanup();
    }
  });
});
