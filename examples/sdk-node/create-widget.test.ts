/** @module Runs the sdk-node example with plain `node` against a real server on a temp SQLite, as a developer would. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../../e2e/build.js";
import { createAdminClient } from "../../sdk/index.js";
import { loadConfig } from "../../server/config.js";
import { type RunningServer, startServer } from "../../server/serve.js";

const API_KEY = "sk_example_0123456789abcdefghij";
const SCRIPT = join(ROOT, "examples", "sdk-node", "create-widget.mjs");

describe("examples/sdk-node", () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "slotbook-sdk-node-"));
    const config = loadConfig({
      PORT: "0",
      SLOTBOOK_DATA_DIR: dataDir,
      SLOTBOOK_ADMIN_KEY: API_KEY,
      SLOTBOOK_SECRET: Buffer.alloc(32, 3).toString("base64"),
    });
    server = await startServer(config, {
      host: "127.0.0.1",
      log: false,
      print: () => {},
      warn: () => {},
      handleSignals: false,
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const runScript = (env: Record<string, string>, args: string[] = []) =>
    run(process.execPath, [SCRIPT, ...args], ROOT, { ...process.env, ...env });

  it("creates a widget with a week of slots and prints the inline snippet", async () => {
    const output = await runScript(
      { SLOTBOOK_URL: server.url, SLOTBOOK_API_KEY: API_KEY, SITE_ORIGIN: "https://salsa.example" },
      ["Salsa trial class"],
    );
    const id = /Created widget (wgt_[\w-]+) "Salsa trial class" with 7 slots/.exec(output)?.[1];
    expect(id, output).toBeDefined();
    expect(output).toContain(`<div data-slotbook="${id}"></div>`);
    expect(output).toContain(`<script async src="${server.url}/widget.js"></script>`);

    const admin = createAdminClient({ baseUrl: server.url, apiKey: API_KEY });
    const widget = await admin.widgets.get(id!);
    expect(widget).toMatchObject({ title: "Salsa trial class", allowedOrigins: ["https://salsa.example"] });
    const slots = await admin.slots.list(id!);
    expect(slots).toHaveLength(7);
    const days = new Set(slots.map((s) => s.startsAt.slice(0, 10)));
    expect(days.size).toBe(7);
    expect(slots.every((s) => s.capacity === 8 && new Date(s.startsAt).getTime() > Date.now())).toBe(true);
  });

  it("reports a wrong key as the server's error code and exits 1", async () => {
    const failure = await runScript({ SLOTBOOK_URL: server.url, SLOTBOOK_API_KEY: "sk_wrong" }).then(
      () => "exited 0",
      (error: Error) => error.message,
    );
    expect(failure).toContain("failed (1)");
    expect(failure).toContain("Slotbook said unauthorized");
  });
});
