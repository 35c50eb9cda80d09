/** @module Two real server processes on one PostgreSQL: 300 racing bookings for 10 seats. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestPostgresStore, requirePostgres, TEST_POSTGRES_URL } from "../store/testing.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "./api-harness.js";
import { type ServerProcess, startServerProcess } from "./start-server.js";

const pgUp = await requirePostgres();

// Two real server processes on one PostgreSQL schema: the spec's "several stateless instances behind a proxy".
describe.skipIf(!pgUp)("two server processes on one PostgreSQL database", () => {
  let db: Awaited<ReturnType<typeof makeTestPostgresStore>>;
  let servers: ServerProcess[] = [];
  const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" };

  beforeAll(async () => {
    db = await makeTestPostgresStore();
    // pg reads libpq's `options` from the URL: every connection of both processes uses the test schema.
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set("options", `-c search_path=${db.schema}`);
    const env = {
      DATABASE_URL: url.toString(),
      SLOTBOOK_SECRET: TEST_SECRET,
      SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
      RATE_LIMIT_PER_MINUTE: "0",
    };
    servers = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await db?.cleanup();
  });

  it("seeds the demo widget once although both started on an empty database", async () => {
    const res = await fetch(`${servers[1]?.url}/v1/admin/widgets`, { headers: admin });
    const { data } = (await res.json()) as { data: { id: string }[] };
    expect(data.map((widget) => widget.id)).toEqual(["wgt_demo"]);
  });

  it("300 concurrent attempts at a 10-seat slot, alternating instances: exactly 10 booked, 290 slot_full", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const widget = (await (
      await fetch(`${a.url}/v1/admin/widgets`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ title: "Race" }),
      })
    ).json()) as { id: string };
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 86_400_000 + 3_600_000).toISOString();
    const created = await fetch(`${b.url}/v1/admin/widgets/${widget.id}/slots`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ slots: [{ startsAt, endsAt, capacity: 10 }] }),
    });
    const slotId = ((await created.json()) as { slots: { id: string }[] }).slots[0]?.id;

    const statuses = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const res = await fetch(`${(i % 2 === 0 ? a : b).url}/v1/widgets/${widget.id}/bookings`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ slotId, name: `Visitor ${i}`, email: `visitor${i}@example.com` }),
        });
        const body = (await res.json()) as { code?: string };
        return res.status === 201 ? "201" : `${res.status} ${body.code}`;
      }),
    );
    const counts = Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]));
    expect(counts).toEqual({ "201": 10, "409 slot_full": 290 });

    const list = await fetch(`${a.url}/v1/admin/bookings?widgetId=${widget.id}&status=confirmed&limit=100`, {
      headers: admin,
    });
    const { data } = (await list.json()) as { data: { status: string; slot: { id: string } }[] };
    expect(data).toHaveLength(10);
    expect(data.every((booking) => booking.status === "confirmed" && booking.slot.id === slotId)).toBe(true);
    const slots = await fetch(`${b.url}/v1/admin/widgets/${widget.id}/slots`, { headers: admin });
    expect(((await slots.json()) as { slots: { booked: number }[] }).slots[0]?.booked).toBe(10);
  }, 60_000);
});
