/** @module Serving the console: index.html for every app path, immutable hashed assets, the strict CSP, 404s. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";
import { CONSOLE_CSP } from "./console-page.js";

const [sqlite] = await testStores();
const INDEX = `<!doctype html><html><head><script type="module" src="/console/assets/index-Ab12.js"></script></head><body><div id="app"></div></body></html>`;

describe("console page", () => {
  let t: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slotbook-console-"));
    await mkdir(join(dir, "assets"));
    await mkdir(join(dir, ".vite"));
    await writeFile(join(dir, "index.html"), INDEX);
    await writeFile(join(dir, "assets", "index-Ab12.js"), "console.log('console')");
    await writeFile(join(dir, "assets", "style-Cd34.css"), "body{margin:0}");
    await writeFile(join(dir, ".vite", "manifest.json"), "{}");
    t = await makeTestApi(sqlite!, { consoleDir: dir });
  });
  afterAll(async () => {
    await t.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers every app path with index.html, revalidated by its ETag, under the strict CSP", async () => {
    for (const path of [
      "/console",
      "/console/",
      "/console/bookings",
      "/console/bookings/bkg_1?x=1",
      "/console/setup",
    ]) {
      const res = await t.call("GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
      expect(await res.text()).toBe(INDEX);
    }
    const first = await t.call("GET", "/console/overview");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.call("GET", "/console/widgets", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("no-cache");
  });

  it("allows nothing inline and nothing from another origin, and no framing", () => {
    const directives = Object.fromEntries(
      CONSOLE_CSP.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
    expect(directives).toMatchObject({
      "default-src": "'none'",
      "script-src": "'self'",
      "style-src": "'self'",
      "connect-src": "'self'",
      "frame-ancestors": "'none'",
      "base-uri": "'none'",
    });
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("serves hashed assets for a year, compressed on request", async () => {
    const js = await t.call("GET", "/console/assets/index-Ab12.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(js.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
    expect(await js.text()).toBe("console.log('console')");
    const css = await t.call("GET", "/console/assets/style-Cd34.css", { headers: { "accept-encoding": "gzip" } });
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await css.arrayBuffer())).toString()).toBe("body{margin:0}");
    const etag = css.headers.get("etag")!;
    expect((await t.call("GET", "/console/assets/style-Cd34.css", { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );
  });

  it("answers an unknown or unreachable asset 404 problem+json, never index.html", async () => {
    for (const path of [
      "/console/assets/index-Zz99.js",
      "/console/assets/index.html",
      "/console/assets/..%2findex.html",
      "/console/assets/sub/dir.js",
    ]) {
      const res = await t.call("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
      expect((await res.json()).code).toBe("not_found");
    }
    // The URL resolves the dots first; what is left is an app path, and the manifest is never served.
    expect(await (await t.call("GET", "/console/assets/../.vite/manifest.json")).text()).toBe(INDEX);
  });

  it("says the console is not built when dist/console is missing", async () => {
    const bare = await makeTestApi(sqlite!, { consoleDir: join(dir, "missing") });
    try {
      const res = await bare.call("GET", "/console");
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run build");
    } finally {
      await bare.cleanup();
    }
  });

  it("sends / to the console", async () => {
    const res = await t.call("GET", "/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/console");
  });
});
