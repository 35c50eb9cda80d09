/**
 * @module Test helper: one real Slotbook server in this process (SQLite in a temp folder, the widget served from
 * this repository's `dist/embed`), with an admin client. No vitest import, so scripts may use it too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdminClient, type SlotbookAdminClient } from "../../sdk/index.js";
import { loadConfig } from "../../server/config.js";
import { startServer } from "../../server/serve.js";

/** The admin key the test server accepts. */
export const ADMIN_KEY = "sk_e2e_0123456789abcdefghijklmn";

/** A running server with its admin client. */
export interface TestServer {
  /** e.g. `http://127.0.0.1:40123`: the origin widget.js is served from, so the widget's API base. */
  url: string;
  admin: SlotbookAdminClient;
  close(): Promise<void>;
}

/**
 * Start a server (on `dist/`, which the global setup or the calling script built) whose empty database gets the demo widget `wgt_demo` (the one the example
 * pages use: any origin, 8 seats per slot, phone optional). Rate limiting is off: tests book many times a minute.
 * @example const server = await startTestServer(); … await server.close();
 */
export async function startTestServer(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-e2e-"));
  const running = await startServer(
    loadConfig({
      PORT: "0",
      SLOTBOOK_DATA_DIR: dir,
      SLOTBOOK_ADMIN_KEY: ADMIN_KEY,
      SLOTBOOK_SECRET: Buffer.alloc(32, 7).toString("base64"),
      RATE_LIMIT_PER_MINUTE: "0",
    }),
    { host: "127.0.0.1", log: false, print: () => {}, warn: () => {}, handleSignals: false },
  );
  return {
    url: running.url,
    admin: createAdminClient({ baseUrl: running.url, apiKey: ADMIN_KEY }),
    async close() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
