/** @module Size test of the public client as the widget bundles it: gzipped ceiling, no admin code, no import-time work. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin, type Rolldown } from "vite";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Gzipped ceiling of `createClient` with ky, zod/mini and the public schemas, minified, for apps that bundle the SDK.
 * Measured 15 227 bytes (was 19 451 with zod 4.6: the pinned zod 4.4's core is smaller, and the retry loop is ours).
 * Raise it only in the commit that grows the bundle, and say why there.
 * 16,400 (measured 16,297): wave 2's public calls and fields — `widgets.start` (config and first slots in one
 * request) with its schema, `widgets.track` (funnel beacons), and the config's location, organizer, phoneCountry
 * and phoneExample.
 */
const CEILING = 16_400;

/** Strings that only admin code contains; none may reach the widget. */
const ADMIN_ONLY = [
  "createAdminClient",
  "admin/",
  "export.csv",
  "erasedAt",
  "apiKey",
  "Give the widget a title",
  "Capacity must be",
];

const dir = mkdtempSync(join(tmpdir(), "slotbook-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Overrides our `sideEffects: false` for our own files, which would otherwise hide top-level work in them. */
const ownCodeHasSideEffects: Plugin = {
  name: "own-code-has-side-effects",
  enforce: "pre",
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && !resolved.id.includes("node_modules") ? { ...resolved, moduleSideEffects: true } : resolved;
  },
};

async function bundle(source: string, ownSideEffects = false): Promise<string> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  // No config file: this measures the module itself, not whatever the widget build adds around it.
  const result = await build({
    configFile: false,
    logLevel: "silent",
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ["es"], fileName: "entry" },
    },
    plugins: ownSideEffects ? [ownCodeHasSideEffects] : [],
  });
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return output!.output[0].code;
}

const client = resolve(import.meta.dirname, "public-client.ts");

describe("public client bundle", () => {
  it("stays under its gzipped ceiling and carries no admin code", async () => {
    const code = await bundle(
      `import { createClient } from ${JSON.stringify(client)};\nexport const c = createClient;`,
    );
    const gzipped = gzipSync(code).length;
    expect(gzipped).toBeLessThan(CEILING);
    for (const needle of ADMIN_ONLY) expect(code, needle).not.toContain(needle);
    // And it really is the client: the route and the key header are in there.
    expect(code).toContain("idempotency-key");
  });

  it("does no work at import time: an unused createClient leaves nothing behind", async () => {
    const code = await bundle(`import { createClient } from ${JSON.stringify(client)};\nvoid createClient;`, true);
    for (const needle of ["idempotency-key", "Slotbook:", "Request timed out", "HTTPError"]) {
      expect(code, needle).not.toContain(needle);
    }
  });
});
