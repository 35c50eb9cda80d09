// @vitest-environment node
/** @module The size budget of `/widget.js`, checked on every `npm test` like zod's bundle-size test. */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FORBIDDEN_IN_WIDGET, FORBIDDEN_OUTSIDE_PREACT, WIDGET_GZIP_CEILING } from "./budget.js";
import { type BundleMeasure, measureWidget } from "./measure.js";

let bundle: BundleMeasure;
beforeAll(async () => {
  bundle = await measureWidget();
}, 60_000);

describe("widget.js", () => {
  it(`stays under ${WIDGET_GZIP_CEILING} bytes gzipped`, () => {
    expect(bundle.gzip).toBeGreaterThan(5_000); // a broken build would pass a ceiling trivially
    expect(bundle.gzip).toBeLessThanOrEqual(WIDGET_GZIP_CEILING);
  });

  it.each(FORBIDDEN_IN_WIDGET)("does not contain %s", (identifier) => {
    expect(bundle.code.includes(identifier)).toBe(false);
  });

  it.each(FORBIDDEN_OUTSIDE_PREACT)("has no %s outside Preact's core, nor in the widget's sources", (identifier) => {
    for (const m of bundle.modules) {
      if (!/^preact\/dist\/preact\.(module\.js|mjs)$/.test(m.id)) expect(m.code.includes(identifier), m.id).toBe(false);
    }
    const sources = readdirSync("widget", { recursive: true, encoding: "utf8" }).filter(
      (file) =>
        /\.tsx?$/.test(file) && !file.includes(".test.") && !file.startsWith("size/") && !file.startsWith("test/"),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources)
      expect(readFileSync(join("widget", file), "utf8").includes(identifier), file).toBe(false);
  });

  it("bundles no server module, no phone numbering plans and no non-English catalogue", () => {
    const ids = bundle.modules.map((m) => m.id);
    expect(ids.some((id) => id.startsWith("server/"))).toBe(false);
    // The server checks phone numbers with libphonenumber-js; the widget only cleans them (sdk/schemas/phone.ts).
    expect(ids.some((id) => id.startsWith("libphonenumber-js"))).toBe(false);
    for (const lang of ["es", "hi", "de", "fr", "pt", "ar"]) expect(ids).not.toContain(`widget/i18n/${lang}.ts`);
  });

  it("runs as a classic script: no top-level import or export, everything in a private scope", () => {
    expect(bundle.code.startsWith('(()=>{"use strict";')).toBe(true);
    expect(bundle.code.trimEnd().endsWith("})();")).toBe(true);
    expect(bundle.code).not.toMatch(/(^|[;}])\s*(import\s*[{*\w]|export\s*[{*])/m);
    expect(bundle.code).not.toContain("import.meta");
  });
});
