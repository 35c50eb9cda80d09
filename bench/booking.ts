/**
 * @module `npm run bench`: booking throughput and latency against a bare Hono route, on SQLite and PostgreSQL.
 * Each server runs in its own process (see bench-server.ts); autocannon drives it from this one.
 * Env: BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 50), BENCH_PROFILE=1 (write
 * `--cpu-prof` profiles of the servers to <tmpdir>/slotbook-bench-profiles/).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { makeTestPostgresStore, postgresAvailable, TEST_POSTGRES_URL } from "../server/store/testing.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../server/testing/api-harness.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE = process.env.BENCH_PROFILE === "1";
const PROFILE_DIR = join(tmpdir(), "slotbook-bench-profiles");
// 10,000 seats is the contract's largest slot; 30 of them outlast any run on one box (300k bookings).
const SLOTS = 30;
const SEATS = 10_000;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

function startBenchServer(
  mode: "bare" | "slotbook",
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
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

async function run(name: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** A widget with SLOTS big slots on a running Slotbook, made through the admin API. */
async function seedWidget(url: string): Promise<{ widgetId: string; slotIds: string[] }> {
  const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" };
  const widget = await fetch(`${url}/v1/admin/widgets`, {
    method: "POST",
    headers,
    body: JSON.stringify({ title: "Bench" }),
  });
  const { id: widgetId } = (await widget.json()) as { id: string };
  const base = Date.now() + 86_400_000;
  const slots = Array.from({ length: SLOTS }, (_, i) => ({
    startsAt: new Date(base + i * 3_600_000).toISOString(),
    endsAt: new Date(base + i * 3_600_000 + 2_700_000).toISOString(),
    capacity: SEATS,
  }));
  const created = await fetch(`${url}/v1/admin/widgets/${widgetId}/slots`, {
    method: "POST",
    headers,
    body: JSON.stringify({ slots }),
  });
  return { widgetId, slotIds: ((await created.json()) as { slots: { id: string }[] }).slots.map((slot) => slot.id) };
}

/** Every request a new visitor: unique email and Idempotency-Key, slots taken round-robin. */
async function benchBookings(name: string, env: NodeJS.ProcessEnv): Promise<Row> {
  const { url, child } = await startBenchServer("slotbook", {
    SLOTBOOK_SECRET: TEST_SECRET,
    SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
    NODE_ENV: "production",
    ...env,
  });
  try {
    const { widgetId, slotIds } = await seedWidget(url);
    const runId = randomUUID().slice(0, 8);
    let n = 0;
    return await run(name, {
      url,
      requests: [
        {
          method: "POST",
          path: `/v1/widgets/${widgetId}/bookings`,
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
}

function table(rows: Row[], base: Row): string {
  const head = ["", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "requests", "vs bare"];
  const body = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.errors),
    String(r.non2xx),
    String(r.total),
    (r.rps / base.rps).toFixed(2),
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((cells) => cells[i]?.length ?? 0)));
  return [head, ...body]
    .map((cells) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}

async function main(): Promise<void> {
  console.log(`Booking benchmark: ${CONNECTIONS} connections, ${DURATION} s each, on 127.0.0.1\n`);
  const bare = await startBenchServer("bare", {});
  const rows: Row[] = [];
  try {
    rows.push(await run("(a) bare Hono route", { url: `${bare.url}/bare` }));
  } finally {
    await stop(bare.child);
  }

  const dataDir = mkdtempSync(join(tmpdir(), "slotbook-bench-"));
  try {
    rows.push(
      await benchBookings("(b) booking, SQLite NORMAL", {
        DATABASE_URL: `sqlite:${join(dataDir, "bench.db")}`,
        SQLITE_SYNCHRONOUS: "NORMAL",
        SLOTBOOK_DATA_DIR: dataDir,
      }),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (await postgresAvailable()) {
    const db = await makeTestPostgresStore();
    try {
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set("options", `-c search_path=${db.schema}`);
      rows.push(await benchBookings("(c) booking, PostgreSQL", { DATABASE_URL: url.toString() }));
    } finally {
      await db.cleanup();
    }
  } else {
    console.log("PostgreSQL does not answer on 127.0.0.1:5432: skipping (c).\n");
  }

  const [base, sqlite] = rows as [Row, Row];
  console.log(table(rows, base));
  const checks = [
    [`SQLite b/a ≥ 0.20`, sqlite.rps / base.rps >= 0.2],
    [`SQLite no errors or non-2xx`, sqlite.errors === 0 && sqlite.non2xx === 0],
    [`SQLite p99 < 25 ms`, sqlite.p99 < 25],
  ] as const;
  console.log(`\n${checks.map(([what, ok]) => `${ok ? "PASS" : "FAIL"}  ${what}`).join("\n")}`);
  if (PROFILE) console.log(`\nCPU profiles of the servers: ${PROFILE_DIR}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

await main();
