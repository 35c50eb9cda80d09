/** @module `slotbook serve` (the default): migrate, seed the demo widget on an empty database, serve HTTP. */
import { loadConfig } from "../../config.js";
import { startServer } from "../../serve.js";
import type { Command } from "../command.js";
import { SERVER_NODE_FLAGS } from "../node-flags.js";

/** `slotbook serve` */
export const serveCommand: Command = {
  name: "serve",
  summary: "Start the server (the default command)",
  flags: {},
  help: `Start the Slotbook server: migrate the database, create the demo widget
wgt_demo on an empty database, then print the demo page, API docs and widget
script addresses. Stop it with Ctrl+C; requests in flight are finished first.

Usage: slotbook serve

Configuration comes from the environment:
  PORT                   Listen port (default 8787)
  HOST                   Interface to listen on (default 127.0.0.1; 0.0.0.0 in a container)
  DATABASE_URL           postgres://... for PostgreSQL, sqlite:PATH for another SQLite file
                         (default: SQLite in ./.slotbook/)
  SLOTBOOK_SECRET        Encryption keys: base64 32-byte keys, comma-separated, newest first
                         (generated into ./.slotbook/ in development; required in production)
  SLOTBOOK_ADMIN_KEY     An admin API key that always works (bootstrap, tests)
  PUBLIC_URL             Where visitors reach the server (default http://localhost:$PORT)
  RATE_LIMIT_PER_MINUTE  Booking attempts per visitor IP per widget per minute (default 20, 0 = off)
  TRUST_PROXY            Take the visitor IP from X-Forwarded-For (behind nginx)
  SQLITE_SYNCHRONOUS     NORMAL (default) or FULL
  DATABASE_STATEMENT_TIMEOUT_MS
                         Longest a PostgreSQL query may run or wait before the request
                         is answered 503 (default 5000)
  NODE_ENV=production    Refuse to start without SLOTBOOK_SECRET
  NODE_OPTIONS="${SERVER_NODE_FLAGS.join(" ")}"
                         A bigger young generation: more bookings a second under load
                         on PostgreSQL, for more memory (npm start passes it to Node)

Options:
  -h, --help   Show this help

Examples:
  slotbook
  PORT=3000 DATABASE_URL=postgres://app@db.internal/slotbook slotbook serve
`,
  async run(_flags, io) {
    const config = loadConfig(io.env);
    await startServer(config, {
      host: io.env.HOST || undefined,
      print: (line) => io.stdout.write(`${line}\n`),
      warn: (line) => io.stderr.write(`Warning: ${line}\n`),
    });
    // The listening server keeps the process alive; SIGINT/SIGTERM close it.
    return 0;
  },
};
