/**
 * @module `npm run bench`: Slotbook against the limit of its own work, measured in the same run. Each row runs the
 * real server and a raw same-work server (raw-server.ts: node:http, the same zod check and crypto, raw better-sqlite3
 * with group commit or raw pg with the one-statement CTE) on a fresh database of their own, and reports the ratio;
 * a bare Hono route is the yardstick of the runtime. Each server runs in its own process (bench-server.ts).
 * Env: BENCH_DURATION (seconds a server is measured, default 12), BENCH_ROUNDS (the turns they are split into, default
 * 6), BENCH_WARMUP (seconds, default 3), BENCH_CONNECTIONS (default 50),
 * BENCH_PROFILE=1 (write `--cpu-prof` profiles of the servers to <tmpdir>/slotbook-bench-profiles/ and print each
 * row's server pids and requests answered, to read a profile per request), BENCH_NODE_FLAGS (the Node flags of every
 * server, space-separated; default SERVER_NODE_FLAGS, as npm start; "" for Node's defaults), BENCH_ONLY
 * (a regular expression: only the rows whose name it matches, e.g. `BENCH_ONLY=PostgreSQL`), BENCH_DELIVERING=0 (skip
 * the delivering rows), BENCH_BASELINE (another checkout, e.g. a `git worktree` of an earlier commit with this one's
 * node_modules linked: its Slotbook runs in the same turns as a third contender, an A/B of a change; it runs with its
 * own bench/bench-server.ts, so copy this one's in, and with this run's Node flags).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createApp } from "../server/app.js";
import { SERVER_NODE_FLAGS } from "../server/cli/node-flags.js";
import { parseSecret } from "../server/crypto/index.js";
import { newId } from "../server/ids.js";
import { createSqliteStore } from "../server/store/sqlite-store.js";
import { makeTestPostgresStore, postgresAvailable, TEST_POSTGRES_URL } from "../server/store/testing.js";
import type { SlotRow, Store } from "../server/store/types.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../server/testing/api-harness.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE = process.env.BENCH_PROFILE === "1";
// 3 s of the same load first, unmeasured: both servers measured with their hot code compiled, not the JIT's start.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PROFILE_DIR = join(tmpdir(), "slotbook-bench-profiles");
const ONLY = new RegExp(process.env.BENCH_ONLY ?? "", "i");
const BASELINE = process.env.BENCH_BASELINE;
const DELIVERING = process.env.BENCH_DELIVERING !== "0";
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? SERVER_NODE_FLAGS;
// Seats enough that no slot fills within a run (a few thousand bookings a second for 10 s): seeded in the database
// directly, past the contract's 10,000 per slot, so a full slot never turns the measurement into refusals.
const SEATS = 1_000_000;

interface Segment {
  /** Requests answered. */
  answered: number;
  /** Server CPU time (user + system) per answered request, µs; NaN where /proc is not there to read it. */
  cpuUs: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** A server's row: its segments combined. */
interface Row extends Segment {
  name: string;
  /** The server's peak resident memory over its life, MB (VmHWM; NaN where /proc is not there to read it). */
  peakMb: number;
}

type Mode = "bare" | "raw" | "slotbook";

function startBenchServer(
  mode: Mode,
  env: NodeJS.ProcessEnv,
  root = ROOT,
): Promise<{ url: string; child: ChildProcess }> {
  const profile = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  // Every server runs with the same Node flags, by default npm start's (a runtime setting, not the code).
  const flags = [...profile, ...NODE_FLAGS, "--import", "tsx"];
  const child = spawn(process.execPath, [...flags, join(root, "bench", "bench-server.ts"), mode], {
    cwd: root,
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

/** CPU time the process `pid` has used, in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function drive(options: autocannon.Options, duration: number, pid?: number): Promise<Segment> {
  const before = cpuMs(pid);
  const result = await autocannon({ connections: CONNECTIONS, duration, ...options });
  const answered = result.requests.total;
  return {
    answered,
    cpuUs: ((cpuMs(pid) - before) * 1000) / answered,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The peak resident memory of the process `pid`, in MB (Linux /proc; NaN elsewhere). */
function peakMb(pid: number | undefined): number {
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return line ? Number(line[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Segments of one server as one row: mean req/s, median p50 and p99 (one hiccup does not decide), every error. */
function combine(name: string, segments: Segment[], peak: number): Row {
  return {
    name,
    peakMb: peak,
    answered: segments.reduce((sum, s) => sum + s.answered, 0),
    cpuUs: median(segments.map((s) => s.cpuUs)),
    rps: segments.reduce((sum, s) => sum + s.rps, 0) / segments.length,
    p50: median(segments.map((s) => s.p50)),
    p99: median(segments.map((s) => s.p99)),
    errors: segments.reduce((sum, s) => sum + s.errors, 0),
    non2xx: segments.reduce((sum, s) => sum + s.non2xx, 0),
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
  // Where a delivering server writes its .eml files (no SMTP_URL).
  const dir = mkdtempSync(join(tmpdir(), "slotbook-bench-"));
  return {
    env: { DATABASE_URL: url.toString(), SLOTBOOK_DATA_DIR: dir },
    store: made.store,
    dispose: async () => {
      await made.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** A server under test: the raw limit, or Slotbook with some extra environment. */
interface Contender {
  name: string;
  mode: "raw" | "slotbook";
  env?: NodeJS.ProcessEnv;
  /** The checkout whose bench server runs; default this one. */
  root?: string;
}

/** How autocannon drives `load` against one server (each booking a new visitor, in every segment). */
function loadOptions(url: string, load: Load, widgetId: string, slotIds: string[]): autocannon.Options {
  if (load.kind === "config") return { url: `${url}/v1/widgets/${widgetId}` };
  if (load.kind === "slots") return { url: `${url}/v1/widgets/${widgetId}/slots` };
  const runId = randomUUID().slice(0, 8);
  let n = 0;
  return {
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
  };
}

/**
 * One row of the table: each contender on a fresh database of its own, seeded alike, all started and warmed up, then
 * driven in turn, ROUNDS times each (DURATION / ROUNDS seconds a turn), so a change in the machine's speed during the
 * row (another process, a noisy neighbour) weighs on every contender alike instead of on whichever ran then.
 */
async function measure(makeDb: () => Promise<BenchDb>, load: Load, contenders: Contender[]): Promise<Row[]> {
  const running: { db: BenchDb; child?: ChildProcess; options?: autocannon.Options }[] = [];
  try {
    for (const contender of contenders) {
      const entry: (typeof running)[number] = { db: await makeDb() };
      running.push(entry);
      const { widgetId, slotIds } = await seed(entry.db.store, load.kind === "booking" ? load.slots : 100);
      await entry.db.store.close();
      const { url, child } = await startBenchServer(
        contender.mode,
        {
          SLOTBOOK_SECRET: TEST_SECRET,
          SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
          NODE_ENV: "production",
          ...entry.db.env,
          ...contender.env,
        },
        contender.root,
      );
      entry.child = child;
      entry.options = loadOptions(url, load, widgetId, slotIds);
    }
    const warmed = contenders.map(() => 0);
    if (WARMUP > 0)
      for (const [i, { options }] of running.entries()) warmed[i] = (await drive(options!, WARMUP)).answered;
    const segments: Segment[][] = contenders.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { options, child }] of running.entries()) {
        segments[i]!.push(await drive(options!, DURATION / ROUNDS, child?.pid));
      }
    }
    const rows = contenders.map((contender, i) =>
      combine(contender.name, segments[i]!, peakMb(running[i]!.child?.pid)),
    );
    // A profile covers the server's whole life: its requests, to read the profile per request.
    if (PROFILE) {
      for (const [i, row] of rows.entries()) {
        console.log(`${row.name}: pid ${running[i]!.child?.pid}, ${row.answered + warmed[i]!} requests answered`);
      }
    }
    return rows;
  } finally {
    for (const { child, db } of running) {
      if (child) await stop(child);
      await db.dispose();
    }
  }
}

interface Pair {
  name: string;
  raw: Row;
  slotbook: Row;
}

function table(bare: Row, pairs: Pair[]): string {
  const head = ["", "req/s", "p50 ms", "p99 ms", "CPU µs", "peak MB", "errors", "non-2xx"];
  head.push("raw req/s", "raw p99", "raw CPU", "raw MB", "vs raw", "vs bare");
  const cells = (r: Row) => [
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    r.cpuUs.toFixed(0),
    r.peakMb.toFixed(0),
    String(r.errors),
    String(r.non2xx),
  ];
  const body = [
    [bare.name, ...cells(bare)],
    ...pairs.map(({ name, raw, slotbook: s }) => [
      name,
      ...cells(s),
      raw.rps.toFixed(0),
      String(raw.p99),
      raw.cpuUs.toFixed(0),
      raw.peakMb.toFixed(0),
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
  console.log(
    `Slotbook against its raw limit: ${CONNECTIONS} connections, ${DURATION} s a server in ${ROUNDS} turns, on 127.0.0.1\n`,
  );
  const bareServer = await startBenchServer("bare", {});
  let bare: Row;
  try {
    const options = { url: `${bareServer.url}/bare` };
    if (WARMUP > 0) await drive(options, WARMUP);
    bare = combine(
      "bare Hono route",
      [await drive(options, DURATION, bareServer.child.pid)],
      peakMb(bareServer.child.pid),
    );
  } finally {
    await stop(bareServer.child);
  }
  const pg = await postgresAvailable();
  if (!pg) console.log("PostgreSQL does not answer on 127.0.0.1:5432: skipping its rows.\n");
  // [name, database, load, also measured with the outbox worker delivering in the same process]
  const cases: [string, () => Promise<BenchDb>, Load, boolean][] = [
    ["booking, SQLite, 100 slots", sqliteDb, { kind: "booking", slots: 100 }, true],
    ["booking, SQLite, one hot slot", sqliteDb, { kind: "booking", slots: 1 }, false],
    ...(pg
      ? ([
          ["booking, PostgreSQL, 100 slots", postgresDb, { kind: "booking", slots: 100 }, true],
          ["booking, PostgreSQL, one hot slot", postgresDb, { kind: "booking", slots: 1 }, false],
        ] as [string, () => Promise<BenchDb>, Load, boolean][])
      : []),
    ["GET slots, SQLite", sqliteDb, { kind: "slots" }, false],
    ["GET config, SQLite", sqliteDb, { kind: "config" }, false],
  ];
  const pairs: Pair[] = [];
  for (const [name, makeDb, load, delivering] of cases) {
    if (!ONLY.test(name)) continue;
    // The raw server delivers nothing, so Slotbook is measured as an API instance (OUTBOX_WORKER=false) against it;
    // the delivering row shows what the deliveries cost when the same process makes them.
    const apiInstance = { OUTBOX_WORKER: "false" };
    const [raw, slotbook, baseline] = await measure(makeDb, load, [
      { name: `${name} (raw)`, mode: "raw" },
      { name, mode: "slotbook", env: apiInstance },
      ...(BASELINE
        ? [{ name: `${name}, ${BASELINE}`, mode: "slotbook", env: apiInstance, root: BASELINE } as const]
        : []),
    ]);
    pairs.push({ name, raw: raw!, slotbook: slotbook! });
    if (baseline) pairs.push({ name: baseline.name, raw: raw!, slotbook: baseline });
    // On its own: between its turns a delivering server works off what it was left, which would slow the others'.
    if (delivering && DELIVERING) {
      const [withWorker] = await measure(makeDb, load, [{ name: `${name}, delivering`, mode: "slotbook" }]);
      pairs.push({ name: withWorker!.name, raw: raw!, slotbook: withWorker! });
    }
    console.log(`${name}: ${slotbook!.rps.toFixed(0)} req/s (raw ${raw!.rps.toFixed(0)})`);
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
