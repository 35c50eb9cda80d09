/** @module System routes: health, the OpenAPI document generated from the contract, docs and demo pages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();

describe("system routes", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await makeTestApi(sqlite!);
  });
  afterAll(() => t.cleanup());

  it("reports health and readiness", async () => {
    expect(await (await t.call("GET", "/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await t.call("GET", "/readyz")).json()).toEqual({ status: "ready", store: "sqlite" });
  });

  it("describes every route in OpenAPI 3.1 from the contract's schemas", async () => {
    const doc = await (await t.call("GET", "/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const op of [
      "GET /v1/widgets/{widgetId}",
      "GET /v1/widgets/{widgetId}/slots",
      "POST /v1/widgets/{widgetId}/bookings",
      "GET /v1/bookings/{bookingId}",
      "POST /v1/bookings/{bookingId}/cancel",
      "POST /v1/bookings/{bookingId}/reschedule",
      "GET /v1/bookings/{bookingId}/invite.ics",
      "POST /v1/admin/widgets",
      "PATCH /v1/admin/widgets/{widgetId}",
      "POST /v1/admin/widgets/{widgetId}/slots",
      "DELETE /v1/admin/slots/{slotId}",
      "GET /v1/admin/bookings",
      "DELETE /v1/admin/bookings/{bookingId}",
      "GET /v1/admin/bookings/export.csv",
    ]) {
      expect(ops).toContain(op);
    }
    const create = doc.paths["/v1/widgets/{widgetId}/bookings"].post;
    const body = create.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["slotId", "name", "email"]));
    expect(body.properties.email).toBeTruthy();
    expect(create.responses["409"].description).toContain("slot_full");
    // Every public route refuses an origin its widget does not allow, and says so.
    for (const [path, method] of [
      ["/v1/widgets/{widgetId}", "get"],
      ["/v1/widgets/{widgetId}/slots", "get"],
      ["/v1/widgets/{widgetId}/bookings", "post"],
      ["/v1/bookings/{bookingId}", "get"],
      ["/v1/bookings/{bookingId}/cancel", "post"],
    ] as const) {
      expect(doc.paths[path][method].responses["403"].description).toContain("origin_not_allowed");
    }
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(doc.paths["/v1/admin/bookings"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["widgetId", "email", "cursor", "limit"]),
    );
    expect(doc.components.schemas.Problem.properties.code.enum).toContain("slot_full");
  });

  it("sends / to the demo page", async () => {
    const res = await t.call("GET", "/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/demo");
  });

  it("renders the docs and demo pages", async () => {
    const docs = await (await t.call("GET", "/docs")).text();
    expect(docs).toContain("/v1/widgets/{widgetId}/bookings");
    const demo = await (await t.call("GET", "/demo")).text();
    expect(demo).toContain('data-slotbook="wgt_demo"');
    expect(demo).toContain("https://book.test/widget.js");
  });
});
