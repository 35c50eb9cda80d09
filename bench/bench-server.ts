/**
 * @module One server for the booking benchmark, in its own process so the load generator gets its own core:
 * `bare` (a one-line Hono route), `raw` (the same-work limit, raw-server.ts) or `slotbook` (the real server from
 * `DATABASE_URL`). Prints `{"port":N}` when ready.
 */
import { openSync, writeSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig } from "../server/config.js";
import { jsonLines } from "../server/http/request-log.js";
import { startServer } from "../server/serve.js";
import { startRawServer } from "./raw-server.js";

// Production logging stays on (one JSON line per request is part of the cost), written as Node writes stdout on Linux
// when it is a file, a pipe or a socket (synchronously), to /dev/null.
const sink = openSync("/dev/null", "w");
const devNullLog = jsonLines((text) => writeSync(sink, text));

async function main(): Promise<void> {
  if (process.argv[2] === "bare") {
    const app = new Hono();
    app.get("/bare", (c) => c.json({ ok: true }));
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    server.listen(0, "127.0.0.1", () => {
      process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
    });
    process.once("SIGTERM", () => server.close());
    return;
  }
  if (process.argv[2] === "raw") {
    const port = await startRawServer(process.env.DATABASE_URL ?? "", process.env.SLOTBOOK_SECRET ?? "");
    process.stdout.write(`${JSON.stringify({ port })}\n`);
    return;
  }
  const server = await startServer(loadConfig({ ...process.env, PORT: "0", RATE_LIMIT_PER_MINUTE: "0" }), {
    host: "127.0.0.1",
    log: devNullLog,
    print: () => {},
    warn: () => {},
  });
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

await main();
