/**
 * @module startServer over real HTTP: demo seed once, health, graceful close (answers in flight end their
 * connection), no listening before the app can answer, a taken port.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { request } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { type RunningServer, startServer } from "./serve.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "./testing/api-harness.js";

let dir: string;
let running: RunningServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "slotbook-serve-"));
});
afterEach(async () => {
  await Promise.all(running.map((server) => server.close()));
  running = [];
  await rm(dir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const config = loadConfig({
    PORT: "0",
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_SECRET: TEST_SECRET,
    SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
    ...env,
  });
  const server = await startServer(config, {
    host: "127.0.0.1",
    log: false,
    print: (line) => lines.push(line),
    handleSignals: false,
  });
  running.push(server);
  return { server, lines };
}

describe("startServer", () => {
  it("seeds wgt_demo on an empty database, serves over real HTTP, and prints the addresses", async () => {
    const { server, lines } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(lines.join("\n")).toContain(`http://localhost:${server.port}/demo`);
    expect(lines.join("\n")).toContain(`http://localhost:${server.port}/docs`);
    expect(lines.join("\n")).toContain(`http://localhost:${server.port}/widget.js`);
    expect(lines.join("\n")).toMatch(/Created the demo widget wgt_demo with \d+ slots/);

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const widget = await (await fetch(`${server.url}/v1/widgets/wgt_demo`)).json();
    expect(widget).toMatchObject({ id: "wgt_demo", title: "Book a free demo class", phone: "optional" });
    const { slots } = (await (await fetch(`${server.url}/v1/widgets/wgt_demo/slots`)).json()) as {
      slots: { startsAt: string; capacity: number }[];
    };
    // 3 a day over the next 7 days: 21, give or take the ones already past today.
    expect(slots.length).toBeGreaterThanOrEqual(19);
    expect(slots.length).toBeLessThanOrEqual(21);
    const now = Date.now();
    for (const slot of slots) {
      expect(Date.parse(slot.startsAt)).toBeGreaterThan(now);
      expect(Date.parse(slot.startsAt)).toBeLessThanOrEqual(now + 7 * 86_400_000);
      expect(slot.capacity).toBe(8);
    }
    const admin = await fetch(`${server.url}/v1/admin/widgets/wgt_demo`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(await admin.json()).toMatchObject({ allowedOrigins: ["*"] });
  });

  it("does not seed again when the database is not empty", async () => {
    const first = await start();
    const count = async (url: string) =>
      ((await (await fetch(`${url}/v1/widgets/wgt_demo/slots`)).json()) as { slots: unknown[] }).slots.length;
    const before = await count(first.server.url);
    await first.server.close();
    running = [];

    const second = await start();
    expect(second.lines.join("\n")).not.toContain("Created the demo widget");
    expect(await count(second.server.url)).toBe(before);
    const widgets = await fetch(`${second.server.url}/v1/admin/widgets`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(((await widgets.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it("close() stops listening and closes the store; calling it twice is fine", async () => {
    const { server } = await start();
    await fetch(`${server.url}/healthz`);
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.store.ping()).rejects.toThrow();
  });

  it("finishes a request in flight before closing", async () => {
    const { server } = await start();
    const { slots } = (await (await fetch(`${server.url}/v1/widgets/wgt_demo/slots`)).json()) as {
      slots: { id: string }[];
    };
    const body = JSON.stringify({ slotId: slots[0]?.id, name: "Ada Lovelace", email: "ada@example.com" });
    // Send the headers and half the body, close the server while the request is being read, then send the rest.
    const req = request(`${server.url}/v1/widgets/wgt_demo/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const answer = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      });
      req.on("error", reject);
    });
    req.write(body.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    req.end(body.slice(20));
    // Connection: close, so a proxy that keeps connections open (nginx's upstream keepalive) sends nothing more
    // down this one: a POST it had sent there as the server cut it would not be resent, and would fail.
    expect(await answer).toEqual({ status: 201, connection: "close" });
    await closed;
  });

  it("OUTBOX_WORKER=false: an API-only instance writes the booking's email and leaves it to an instance that delivers", async () => {
    const { server: api, lines } = await start({ OUTBOX_WORKER: "false" });
    expect(lines.join("\n")).toContain("OUTBOX_WORKER=false");
    const { slots } = (await (await fetch(`${api.url}/v1/widgets/wgt_demo/slots`)).json()) as {
      slots: { id: string }[];
    };
    const booked = await fetch(`${api.url}/v1/widgets/wgt_demo/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slots[0]?.id, name: "Ada Lovelace", email: "ada@example.com" }),
    });
    expect(booked.status).toBe(201);
    const mail = join(dir, "mail");
    const messages = async () => (await readdir(mail).catch(() => [])).filter((name) => name.endsWith(".eml"));
    // Past the worker's 1 s poll: nothing is sent from here, the confirmation waits in the outbox.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await messages()).toEqual([]);
    const pending = await api.store.claimOutbox(new Date().toISOString(), new Date().toISOString(), 10);
    expect(pending.map((row) => row.kind)).toContain("email");
    // Claimed with a lease that ends at once, so the delivering instance may take it on its first pass.
    const { server: worker } = await start();
    await expect.poll(messages, { timeout: 5000 }).toHaveLength(1);
    expect(worker.port).not.toBe(api.port);
  });

  it("listens only once it can answer: no bare 503 while it waits for Redis", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const warnings: string[] = [];
    // Port 1 refuses at once; the server waits its 2 s for Redis, then counts in memory.
    const config = loadConfig({
      PORT: String(port),
      SLOTBOOK_DATA_DIR: dir,
      SLOTBOOK_SECRET: TEST_SECRET,
      REDIS_URL: "redis://127.0.0.1:1",
    });
    const starting = startServer(config, {
      host: "127.0.0.1",
      log: false,
      print: () => {},
      warn: (line) => warnings.push(line),
      handleSignals: false,
    });
    let started = false;
    void starting.then(() => {
      started = true;
    });
    const answers: number[] = [];
    while (!started) {
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status,
        () => 0,
      );
      if (status) answers.push(status);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    running.push(await starting);
    expect(warnings.join("\n")).toContain("Redis did not answer within 2 s");
    expect(answers.filter((status) => status !== 200)).toEqual([]);
  });

  it("refuses a port that is taken with one clear line", async () => {
    const { server } = await start();
    await expect(start({ PORT: String(server.port) })).rejects.toThrow(`Port ${server.port} is already in use`);
  });
});
