/**
 * @module `npm run bench`: Slotbook against the limit of its own work, measured in the same run. Each row runs the
 * real server and a raw same-work server (raw-server.ts: node:http, the same zod check and crypto, raw better-sqlite3
 * with group commit or raw pg with the one-statement CTE) on a fresh database of their own, and reports the ratio;
 * a bare Hono route is the yardstick of the runtime. Each server runs in its own process (bench-server.ts).
 * Env: BENCH_DURATION (seconds, default 10), BENCH_WARMUP (seconds, default 3), BENCH_CONNECTIONS (default 50),
 * BENCH_PROFILE=1 (write `--cpu-prof` profiles of the servers to <tmpdir>/slotbook-bench-profiles/).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createApp } from "../server/app.js";
import { parseSecret } from "../server/crypto/index.js";
import { newId } from "../server/ids.js";
import { createSqliteStore } from "../server/store/sqlite-store.js";
import { makeTestPostgresStore, postgresAvailable, TEST_POSTGRES_URL } from "../server/store/testing.js";
import type { SlotRow, Store } from "../server/store/types.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../server/testing/api-harness.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE = process.env.BENCH_PROFILE === "1";
// 3 s of the same load first, unmeasured: both servers measured with their hot code compiled, not the JIT's start.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PROFILE_DIR = join(tmpdir(), "slotbook-bench-profiles");
// Seats enough that no slot fills within a run (a few thousand bookings a second for 10 s): seeded in the database
// directly, past the contract's 10,000 per slot, so a full slot never turns the measurement into refusals.
const SEATS = 1_000_000;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

type Mode = "bare" | "raw" | "slotbook";

function startBenchServer(mode: Mode, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const profile = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", join(ROOT, "bench", "bench-server.ts"), mode], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, child });
    });
    child.once("exit", (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function drive(name: string, options: autocannon.Options): Promise<Row> {
  if (WARMUP > 0) await autocannon({ connections: CONNECTIONS, duration: WARMUP, ...options });
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A fresh database: where the servers find it, and a migrated store on it to seed with. */
interface BenchDb {
  env: NodeJS.ProcessEnv;
  store: Store;
  dispose: () => Promise<void>;
}

async function sqliteDb(): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), "slotbook-bench-"));
  const filename = join(dir, "bench.db");
  const store = createSqliteStore({ filename });
  await store.migrate();
  return {
    env: { DATABASE_URL: `sqlite:${filename}`, SLOTBOOK_DATA_DIR: dir },
    store,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDb(): Promise<BenchDb> {
  const made = await makeTestPostgresStore();
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set("options", `-c search_path=${made.schema}`);
  return { env: { DATABASE_URL: url.toString() }, store: made.store, dispose: made.cleanup };
}

/** A widget (through the admin API, so its config is the real one) with `count` slots of SEATS seats. */
async function seed(store: Store, count: number): Promise<{ widgetId: string; slotIds: string[] }> {
  const app = createApp({ store, keys: parseSecret(TEST_SECRET), adminKey: TEST_ADMIN_KEY, log: () => {} });
  const created = await app.request("/v1/admin/widgets", {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "Bench", allowedOrigins: ["*"] }),
  });
  const { id: widgetId } = (await created.json()) as { id: string };
  const base = Date.now() + 86_400_000;
  const now = new Date().toISOString();
  const slots: SlotRow[] = Array.from({ length: count }, (_, i) => ({
    id: newId("slot"),
    widgetId,
    startsAt: new Date(base + i * 3_600_000).toISOString(),
    endsAt: new Date(base + i * 3_600_000 + 2_700_000).toISOString(),
    capacity: SEATS,
    booked: 0,
    label: null,
    status: "active",
    createdAt: now,
    updatedAt: now,
  }));
  await store.insertSlots(slots);
  return { widgetId, slotIds: slots.map((s) => s.id) };
}

type Load = { kind: "booking"; slots: number } | { kind: "slots" } | { kind: "config" };

/** One measurement: a fresh database, seeded, served by `mode`, driven with `load`. */
async function measure(name: string, mode: "raw" | "slotbook", makeDb: () => Promise<BenchDb>, load: Load) {
  const db = await makeDb();
  try {
    const { widgetId, slotIds } = await seed(db.store, load.kind === "booking" ? load.slots : 100);
    await db.store.close();
    const { url, child } = await startBenchServer(mode, {
      SLOTBOOK_SECRET: TEST_SECRET,
      SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
      NODE_ENV: "production",
      ...db.env,
    });
    try {
      if (load.kind === "config") return await drive(name, { url: `${url}/v1/widgets/${widgetId}` });
      if (load.kind === "slots") return await drive(name, { url: `${url}/v1/widgets/${widgetId}/slots` });
      const runId = randomUUID().slice(0, 8);
      let n = 0;
      return await drive(name, {
        url,
        requests: [
          {
            method: "POST",
            path: `/v1/widgets/${widgetId}/bookings`,
            // Every request a new visitor: unique email and Idempotency-Key, slots taken round-robin.
            setupRequest: (request) => {
              const i = n++;
              return {
                ...request,
                headers: { "content-type": "application/json", "idempotency-key": `bench-${runId}-${i}` },
                body: JSON.stringify({
                  slotId: slotIds[i % slotIds.length],
                  name: `Visitor ${i}`,
                  email: `visitor.${runId}.${i}@example.com`,
                  phone: "+44 20 7946 0958",
                  context: { pageUrl: "https://school.example/trial", utm: { source: "bench" } },
                }),
              };
            },
          },
        ],
      });
    } finally {
      await stop(child);
    }
  } finally {
    await db.dispose();
  }
}

interface Pair {
  name: string;
  raw: Row;
  slotbook: Row;
}

function table(bare: Row, pairs: Pair[]): string {
  const head = ["", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "raw req/s", "raw p99", "vs raw", "vs bare"];
  const body = [
    [bare.name, bare.rps.toFixed(0), String(bare.p50), String(bare.p99), String(bare.errors), String(bare.non2xx)],
    ...pairs.map(({ name, raw, slotbook: s }) => [
      name,
      s.rps.toFixed(0),
      String(s.p50),
      String(s.p99),
      String(s.errors),
      String(s.non2xx),
      raw.rps.toFixed(0),
      String(raw.p99),
      (s.rps / raw.rps).toFixed(2),
      (s.rps / bare.rps).toFixed(3),
    ]),
  ];
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((cells) => cells[i]?.length ?? 0)));
  return [head, ...body]
    .map((cells) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}

async function main(): Promise<void> {
  console.log(`Slotbook against its raw limit: ${CONNECTIONS} connections, ${DURATION} s each, on 127.0.0.1\n`);
  const bareServer = await startBenchServer("bare", {});
  let bare: Row;
  try {
    bare = await drive("bare Hono route", { url: `${bareServer.url}/bare` });
  } finally {
    await stop(bareServer.child);
  }
  const pg = await postgresAvailable();
  if (!pg) console.log("PostgreSQL does not answer on 127.0.0.1:5432: skipping its rows.\n");
  const cases: [string, () => Promise<BenchDb>, Load][] = [
    ["booking, SQLite, 100 slots", sqliteDb, { kind: "booking", slots: 100 }],
    ["booking, SQLite, one hot slot", sqliteDb, { kind: "booking", slots: 1 }],
    ...(pg
      ? ([
          ["booking, PostgreSQL, 100 slots", postgresDb, { kind: "booking", slots: 100 }],
          ["booking, PostgreSQL, one hot slot", postgresDb, { kind: "booking", slots: 1 }],
        ] as [string, () => Promise<BenchDb>, Load][])
      : []),
    ["GET slots, SQLite", sqliteDb, { kind: "slots" }],
    ["GET config, SQLite", sqliteDb, { kind: "config" }],
  ];
  const pairs: Pair[] = [];
  for (const [name, makeDb, load] of cases) {
    const raw = await measure(`${name} (raw)`, "raw", makeDb, load);
    const slotbook = await measure(name, "slotbook", makeDb, load);
    pairs.push({ name, raw, slotbook });
    console.log(`${name}: ${slotbook.rps.toFixed(0)} req/s (raw ${raw.rps.toFixed(0)})`);
  }
  console.log(`\n${table(bare, pairs)}`);

  const get = (name: string) => pairs.find((p) => p.name === name);
  const checks: [string, boolean][] = [];
  for (const name of ["booking, SQLite, 100 slots", "booking, PostgreSQL, 100 slots"]) {
    const pair = get(name);
    if (pair) checks.push([`${name}: ≥ 0.8 of raw`, pair.slotbook.rps / pair.raw.rps >= 0.8]);
  }
  const sqlite = get("booking, SQLite, 100 slots");
  if (sqlite) checks.push(["SQLite p99 no worse than raw", sqlite.slotbook.p99 <= sqlite.raw.p99]);
  const postgres = get("booking, PostgreSQL, 100 slots");
  if (postgres) checks.push(["PostgreSQL p99 ≤ 25 ms over 100 slots", postgres.slotbook.p99 <= 25]);
  for (const pair of pairs) {
    checks.push([`${pair.name}: no errors or non-2xx`, pair.slotbook.errors === 0 && pair.slotbook.non2xx === 0]);
  }
  console.log(`\n${checks.map(([what, ok]) => `${ok ? "PASS" : "FAIL"}  ${what}`).join("\n")}`);
  if (PROFILE) console.log(`\nCPU profiles of the servers: ${PROFILE_DIR}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

await main();
