/**
 * @module The package a developer installs: `npm pack` of a fresh build, installed into an empty project, then used
 * from plain Node (`slotbook/sdk`, `slotbook/server`, `slotbook/widget`, the `slotbook` bin) and checked by `tsc`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "./build.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const ADMIN_KEY = "sk_pkg_0123456789abcdefghijklmno";

// What a consumer runs: every public entry, over real HTTP, with nothing from this repository on its path.
const SCRIPT = `
import { serve } from "@hono/node-server";
import { createAdminClient, createClient, SlotbookError } from "slotbook/sdk";
import { createApp, createSqliteStore, parseSecret } from "slotbook/server";
import { mount } from "slotbook/widget";

const store = createSqliteStore({ filename: "./slotbook.db" });
await store.migrate();
const keys = parseSecret(Buffer.alloc(32, 1).toString("base64"));
const app = createApp({ store, keys, adminKey: "${ADMIN_KEY}", log: false, rateLimitPerMinute: 0 });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const baseUrl = "http://127.0.0.1:" + server.address().port;

const admin = createAdminClient({ baseUrl, apiKey: "${ADMIN_KEY}" });
const widget = await admin.widgets.create({ title: "Installed" });
const start = Date.now() + 86_400_000;
const [slot] = await admin.slots.create(widget.id, [
  { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), capacity: 1 },
]);
const client = createClient({ baseUrl });
const { booking } = await client.bookings.create(widget.id, { slotId: slot.id, name: "Ada", email: "ada@example.com" });
let second;
try {
  await client.bookings.create(widget.id, { slotId: slot.id, name: "Bob", email: "bob@example.com" });
} catch (error) {
  second = { isSlotbookError: error instanceof SlotbookError, code: error.code, status: error.status };
}
const script = await fetch(baseUrl + "/widget.js");
console.log(JSON.stringify({
  booking: booking.status,
  remaining: (await client.slots.list(widget.id))[0].remaining,
  second,
  widgetJs: [script.status, (await script.text()).length > 1000],
  mount: typeof mount,
}));
server.close();
await store.close();
`;

// Right code must compile; the @ts-expect-error lines must really be errors, or tsc reports them as unused.
const CHECK_TS = `
import { type Booking, createAdminClient, createClient, type Slot, SlotbookError } from "slotbook/sdk";
import { createApp, type Store } from "slotbook/server";
import { mount } from "slotbook/widget";

const client = createClient({ baseUrl: "https://book.example.com" });
const slots: Slot[] = await client.slots.list("wgt_1", { from: new Date() });
const { booking, manageToken } = await client.bookings.create(
  "wgt_1", { slotId: slots[0]?.id ?? "slot_1", name: "Ada", email: "ada@example.com" }, { idempotencyKey: "k1" });
const status: "confirmed" | "cancelled" | "erased" = booking.status;
const same: Booking = await client.bookings.get(booking.id, { token: manageToken });
const admin = createAdminClient({ baseUrl: "https://book.example.com", apiKey: "sk_x" });
for await (const b of admin.bookings.iterate({ widgetId: "wgt_1" })) b.email?.toLowerCase();
try { await client.widgets.get("wgt_1"); } catch (e) { if (e instanceof SlotbookError && e.code === "slot_full") e.issues.length; }
export const used = [status, same, typeof createApp, typeof mount, null as Store | null];

// @ts-expect-error email is required
await client.bookings.create("wgt_1", { slotId: "slot_1", name: "Ada" });
// @ts-expect-error no such error code
if (new SlotbookError({ status: 0, code: "timeout", title: "t", method: "GET", url: "/" }).code === "slot_ful") {}
// @ts-expect-error a status is a string
const n: number = booking.status;
`;

const WRONG_TS = `
import { createClient } from "slotbook/sdk";
await createClient({ baseUrl: "https://book.example.com" }).bookings.create("wgt_1", { slotId: "slot_1", name: "Ada" });
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    types: ["node"],
    // Library types are checked too: what ships must compile in a strict consumer without this repo's devDependencies.
    skipLibCheck: false,
  },
};

/** Bare and relative module specifiers of a built JS file (static imports, re-exports and `import()`). */
function specifiers(code: string): string[] {
  // JSDoc examples mention `from "slotbook/server"`; only code counts.
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  // A module specifier has no white space; prose in strings ("its id from "slotbook keys list"") does.
  const found = withoutComments.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'\s]+)["']/g);
  return [...found].map((m) => m[1]!);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("the npm package", () => {
  let dir: string;
  let app: string;
  let packed: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slotbook-package-"));
    const [info] = JSON.parse(await run("npm", ["pack", "--json", "--silent", "--pack-destination", dir])) as {
      filename: string;
      files: { path: string }[];
    }[];
    packed = info!.files.map((f) => f.path);
    app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    // From the npm cache `npm ci` filled. Scripts off: better-sqlite3 would compile from source for a minute
    // (its prebuilt download needs the network); the binary of the same version is copied from this checkout below.
    const types = `@types/node@${pkg.devDependencies["@types/node"]}`;
    await run(
      "npm",
      ["install", join(dir, info!.filename), types, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"],
      app,
    );
    const ours = join(ROOT, "node_modules", "better-sqlite3");
    const theirs = join(app, "node_modules", "better-sqlite3");
    const version = (p: string) =>
      (JSON.parse(readFileSync(join(p, "package.json"), "utf8")) as { version: string }).version;
    const binary = join("build", "Release", "better_sqlite3.node");
    if (version(ours) === version(theirs) && existsSync(join(ours, binary))) {
      mkdirSync(dirname(join(theirs, binary)), { recursive: true });
      copyFileSync(join(ours, binary), join(theirs, binary));
    } else {
      await run("npm", ["rebuild", "better-sqlite3"], app);
    }
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("holds ESM and .d.ts for each entry, the embed script and the bin, and nothing for tests", () => {
    for (const entry of ["sdk", "server", "widget"]) {
      expect(packed).toContain(`dist/${entry}/index.js`);
      expect(packed).toContain(`dist/${entry}/index.d.ts`);
    }
    expect(packed).toContain("dist/embed/widget.js");
    expect(packed).toContain("dist/console/index.html");
    expect(packed).toContain("dist/server/cli/index.js");
    const unwanted = packed.filter(
      (p) =>
        /\.test\.|\/testing[/.]|\/test\/|\/size\/|run-for-test|app-on-cli-db|vite\.config/.test(p) ||
        (p.endsWith(".ts") && !p.endsWith(".d.ts")) ||
        !(p.startsWith("dist/") || ["package.json", "README.md", "LICENSE"].includes(p)),
    );
    expect(unwanted).toEqual([]);
  });

  it("installs only runtime dependencies, and every import of the shipped code resolves to one of them", () => {
    const installed = readdirSync(join(app, "node_modules"));
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !name.startsWith("@types/"));
    expect(devOnly.filter((name) => installed.includes(name.split("/")[0]!))).toEqual([]);

    const root = join(app, "node_modules", "slotbook");
    const declared = new Set(Object.keys(pkg.dependencies));
    const problems: string[] = [];
    for (const file of filesUnder(join(root, "dist")).filter((f) => /\.(js|d\.ts)$/.test(f))) {
      for (const spec of specifiers(readFileSync(file, "utf8"))) {
        if (spec.startsWith(".")) {
          const target = resolve(dirname(file), spec);
          const candidates = file.endsWith(".d.ts") ? [target, target.replace(/\.js$/, ".d.ts")] : [target];
          if (!candidates.some((c) => existsSync(c))) problems.push(`${relative(root, file)} → ${spec} (not shipped)`);
        } else {
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
          const builtin = spec.startsWith("node:") || builtinModules.includes(name);
          // Declarations may name @types packages' modules (better-sqlite3) — those count as the runtime package.
          if (!builtin && !declared.has(name)) problems.push(`${relative(root, file)} → ${spec} (not a dependency)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("runs from plain Node: createApp on SQLite, the SDK over HTTP, the widget module and the bin", async () => {
    writeFileSync(join(app, "script.mjs"), SCRIPT);
    const output = JSON.parse(await run(process.execPath, ["script.mjs"], app)) as Record<string, unknown>;
    expect(output).toEqual({
      booking: "confirmed",
      remaining: 0,
      second: { isSlotbookError: true, code: "slot_full", status: 409 },
      widgetJs: [200, true],
      mount: "function",
    });
    const help = await run(join(app, "node_modules", ".bin", "slotbook"), ["--help"], app);
    expect(help).toContain("Usage: slotbook");
  });

  it("type-checks a strict consumer: right code passes, a booking without email does not", async () => {
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, files: ["check.ts"] }));
    writeFileSync(join(app, "check.ts"), CHECK_TS);
    await expect(run(process.execPath, [TSC, "-p", "tsconfig.json"], app)).resolves.toBeDefined();

    writeFileSync(join(app, "tsconfig.wrong.json"), JSON.stringify({ ...TSCONFIG, files: ["wrong.ts"] }));
    writeFileSync(join(app, "wrong.ts"), WRONG_TS);
    const failure = await run(process.execPath, [TSC, "-p", "tsconfig.wrong.json"], app).then(
      () => "compiled",
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/wrong\.ts.*error TS2345.*Property 'email' is missing/s);
  });
});
