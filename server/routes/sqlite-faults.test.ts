/**
 * @module SQLite faults through the HTTP API, on a real file system: a full disk, a file system gone read-only, and
 * a database file deleted under the running server. Each answers 503 with Retry-After and a log line naming the
 * cause, `/readyz` reports it, nothing half-written stays, and the first two recover without a restart.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteStore } from "../store/sqlite-store.js";
import type { Store } from "../store/types.js";
import { bookingBody, makeTestApi, type TestApi } from "../testing/api-harness.js";

// A size-limited tmpfs needs root (mount). CI runs as root; elsewhere the suite says why it cannot run.
const isRoot = process.getuid?.() === 0;
const mount = (...args: string[]) => execFileSync("mount", args, { stdio: "pipe" });

describe.skipIf(!isRoot)("SQLite faults on a real file system (needs root for mount)", () => {
  let dir: string;
  let filename: string;
  let store: Store;
  let t: TestApi;
  const lines: Record<string, unknown>[] = [];

  beforeEach(async () => {
    lines.length = 0;
    dir = mkdtempSync(join(tmpdir(), "slotbook-fault-"));
    // 4 MiB: room for the schema, the WAL and a few bookings, then a filler file takes the rest.
    mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", dir);
    filename = join(dir, "slotbook.db");
    store = createSqliteStore({ filename });
    await store.migrate();
    t = await makeTestApi(
      { name: "sqlite", make: async () => ({ store, cleanup: () => store.close() }) },
      {
        log: (line) => lines.push(line),
      },
    );
  });
  afterEach(async () => {
    await t.cleanup();
    mount("-o", "remount,rw", dir);
    execFileSync("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  const book = (widgetId: string, slotId: string, i: number) =>
    t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotId, { email: `v${i}@example.com` }) });

  async function expectUnavailable(res: Response, cause: RegExp) {
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await res.json()).code).toBe("unavailable");
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "database unavailable", code: expect.stringMatching(cause) }),
    );
  }

  async function bookedSeats(widgetId: string): Promise<number> {
    const slots = (await (await t.admin("GET", `/v1/admin/widgets/${widgetId}/slots`)).json()).slots;
    return slots[0].booked;
  }

  it("a full disk answers 503, readyz says not ready, and bookings work again once there is room", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [10_000] });
    expect((await book(widgetId, slotIds[0]!, 0)).status).toBe(201);
    const filler = join(dir, "filler");
    // Fills the file system to the last byte (dd reports "No space left", which is the point).
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k"], { stdio: "pipe" });
    } catch {}
    let res: Response | undefined;
    let i = 1;
    // The WAL may still have room for a few pages; the disk is full once a booking cannot be written.
    for (; i < 500; i++) {
      res = await book(widgetId, slotIds[0]!, i);
      if (res.status !== 201) break;
    }
    const accepted = i - 1;
    await expectUnavailable(res!, /^SQLITE_FULL/);
    expect((await t.call("GET", "/readyz")).status).toBe(503);

    unlinkSync(filler);
    expect((await t.call("GET", "/readyz")).status).toBe(200);
    expect((await book(widgetId, slotIds[0]!, 1000)).status).toBe(201);
    // The refused booking left nothing behind: every seat taken belongs to an acknowledged booking.
    expect(await bookedSeats(widgetId)).toBe(1 + accepted + 1);
  });

  it("a database on a read-only file system answers 503 and readyz says so", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [10] });
    // Linux refuses to make a file system read-only while a file on it is open for writing, so the server that
    // finds its volume read-only is one (re)started on it: close, remount, open again.
    await store.close();
    mount("-o", "remount,ro", dir);
    store = createSqliteStore({ filename });
    t = await makeTestApi(
      { name: "sqlite", make: async () => ({ store, cleanup: () => store.close() }) },
      {
        log: (line) => lines.push(line),
      },
    );
    await expectUnavailable(await book(widgetId, slotIds[0]!, 1), /^SQLITE_(READONLY|IOERR|CANTOPEN)/);
    expect((await t.call("GET", "/readyz")).status).toBe(503);
  });

  it("a database file deleted under the server answers 503 instead of 201s that vanish on restart", async () => {
    const { widgetId, slotIds } = await t.seed({ capacities: [10] });
    expect((await book(widgetId, slotIds[0]!, 1)).status).toBe(201);
    unlinkSync(filename);
    await expectUnavailable(await book(widgetId, slotIds[0]!, 2), /^SQLITE_FILE_GONE$/);
    expect((await t.call("GET", "/readyz")).status).toBe(503);
    // A new file in its place is another database: still refused, never written to through the old handle.
    writeFileSync(filename, "");
    await expectUnavailable(await book(widgetId, slotIds[0]!, 3), /^SQLITE_FILE_GONE$/);
  });
});
