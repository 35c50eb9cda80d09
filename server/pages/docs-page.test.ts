/** @module `/docs`: every route of `/openapi.json` with its parameters, bodies, examples and errors, under a strict CSP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();

interface Op {
  summary: string;
  operationId: string;
  responses: Record<string, unknown>;
}

describe("the API reference", () => {
  let t: TestApi;
  let page: string;
  let res: Response;
  beforeAll(async () => {
    t = await makeTestApi(sqlite!);
    res = await t.call("GET", "/docs");
    page = await res.text();
  });
  afterAll(() => t.cleanup());

  /** The HTML of one route's section. */
  const section = (method: string, path: string) => {
    const start = page.indexOf(`<span class="verb ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>`);
    expect(start, `${method} ${path}`).toBeGreaterThan(0);
    return page.slice(start, page.indexOf("</section>", start));
  };

  it("shows every route of /openapi.json with its summary and errors, in a table of contents by tag", async () => {
    const doc = await (await t.call("GET", "/openapi.json")).json();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
      for (const [method, op] of Object.entries(item)) {
        const html = section(method, path);
        expect(html).toContain(op.summary.replace(/`([^`]+)`/g, "<code>$1</code>").slice(0, 20));
        const id = `op-${op.operationId}`;
        expect(page).toContain(`href="#${id}"`);
        for (const status of Object.keys(op.responses)) {
          if (!status.startsWith("2")) expect(html).toContain(`<td class="status">${status}</td>`);
        }
      }
    }
    for (const tag of ["Public", "Manage", "Admin", "Console", "System"]) expect(page).toContain(`id="tag-${tag}"`);
  });

  it("documents a booking: path and header parameters, body fields, JSON examples, auth and every error", () => {
    const html = section("post", "/v1/widgets/{widgetId}/bookings");
    expect(html).toContain('<table class="params">');
    expect(html).toMatch(/<code>widgetId<\/code> <span class="req">required<\/span><\/td><td>path<\/td>/);
    expect(html).toMatch(/<code>Idempotency-Key<\/code><\/td><td>header<\/td>/);
    expect(html).toMatch(/<code>email<\/code> <span class="req">required<\/span>/);
    expect(html).toContain("<code>context.utm.source</code>");
    expect(html).toContain('<pre class="json">');
    expect(html).toContain("&quot;slotId&quot;: &quot;slot_");
    expect(html).toContain("&quot;manageToken&quot;");
    expect(html).toContain("Auth: none");
    for (const code of ["slot_full", "already_booked", "validation_failed", "rate_limited", "origin_not_allowed"]) {
      expect(html).toContain(`<code>${code}</code>`);
    }
    expect(section("get", "/v1/admin/bookings")).toMatch(/<code>limit<\/code><\/td><td>query<\/td>/);
    expect(section("get", "/v1/admin/bookings")).toContain("Bearer sk_…");
    expect(section("get", "/v1/bookings/{bookingId}")).toContain("?token=");
    expect(section("get", "/v1/admin/bookings/export.csv")).toContain("<code>text/csv</code>");
  });

  it("needs no script, no inline style and no other host: a strict CSP and our own stylesheet", async () => {
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|<style|style="/);
    const href = /<link rel="stylesheet" href="https:\/\/book\.test(\/pages\.css\?v=\w+)">/.exec(page)?.[1];
    expect(href).toBeTruthy();
    const css = await t.call("GET", href!);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toContain(".op{");
    const hosts = [...page.matchAll(/(?:href|src)="(https?:\/\/[^/"]+)/g)].map((m) => m[1]);
    expect(new Set(hosts)).toEqual(new Set(["https://book.test"]));
  });
});
