/** @module System routes: health, the OpenAPI document generated from the contract, docs and demo pages. */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string; required?: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<
    string,
    {
      description: string;
      content?: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }>;
    }
  >;
}

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
    const header = create.parameters.find((p: { in: string }) => p.in === "header");
    expect(header).toMatchObject({ name: "Idempotency-Key", schema: { type: "string", maxLength: 255 } });
    expect(header.required).toBeFalsy();
    expect(doc.paths["/v1/admin/bookings"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["widgetId", "email", "cursor", "limit"]),
    );
    expect(doc.components.schemas.Problem.properties.code.enum).toContain("slot_full");
  });

  it("is a valid OpenAPI 3.1 document in which every route has its parameters, bodies and errors", async () => {
    const doc = await (await t.call("GET", "/openapi.json")).json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const ops = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(24);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.tags, where).toHaveLength(1);
      // Every path parameter is declared, with a description.
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        const param = op.parameters?.find((p) => p.in === "path" && p.name === name);
        expect(param, `${where} {${name}}`).toMatchObject({ required: true, schema: { type: "string" } });
        expect(param?.description, `${where} {${name}}`).toBeTruthy();
      }
      // A success answer with a body schema (JSON) or a content type, or none at all (204).
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      expect(successes.length, where).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        if (status === "204") expect(response.content, where).toBeUndefined();
        else expect(Object.values(response.content ?? {})[0]?.schema, `${where} ${status}`).toBeTruthy();
      }
      // A route that takes a body says so with a schema; one that does not, does not.
      const takesBody = /reschedule|bookings$|slots$|widgets$|keys$|^\/v1\/admin\/(widgets|slots)\/\{\w+\}$/.test(path);
      if (method === "post" || method === "patch") {
        if (takesBody) expect(op.requestBody?.content["application/json"]?.schema, where).toBeTruthy();
      } else expect(op.requestBody, where).toBeUndefined();
      // Errors are problem+json with the Problem schema, each code under its own status, with an example.
      const errors = Object.entries(op.responses).filter(([status]) => !status.startsWith("2"));
      if (path !== "/healthz") expect(errors.length, where).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        const media = response.content?.["application/problem+json"];
        expect(JSON.stringify(media?.schema), `${where} ${status}`).toContain("#/components/schemas/Problem");
        for (const [code, example] of Object.entries(media?.examples ?? {})) {
          expect(ERROR_CODES[code as ErrorCode].status, `${where} ${code}`).toBe(Number(status));
          expect(example.value).toMatchObject({ code, status: Number(status) });
        }
      }
      if (op.requestBody) expect(op.responses["422"]?.description, where).toContain("validation_failed");
    }
    // Auth through security schemes: the admin key or the console's cookie, the manage token as Bearer or ?token=.
    expect(doc.components.securitySchemes).toMatchObject({
      adminKey: { type: "http", scheme: "bearer" },
      manageToken: { type: "http", scheme: "bearer" },
      manageTokenQuery: { type: "apiKey", in: "query", name: "token" },
      consoleSession: { type: "apiKey", in: "cookie", name: "slotbook_session" },
    });
    expect(doc.paths["/v1/admin/widgets"].post.security).toEqual([{ adminKey: [] }, { consoleSession: [] }]);
    expect(doc.paths["/v1/bookings/{bookingId}"].get.security).toEqual([{ manageToken: [] }, { manageTokenQuery: [] }]);
    expect(doc.paths["/v1/widgets/{widgetId}"].get.security).toBeUndefined();
    // Answers that are not JSON say what they are.
    expect(Object.keys(doc.paths["/v1/admin/bookings/export.csv"].get.responses["200"].content)).toEqual(["text/csv"]);
    expect(Object.keys(doc.paths["/v1/bookings/{bookingId}/invite.ics"].get.responses["200"].content)).toEqual([
      "text/calendar",
    ]);
    expect(doc.paths["/v1/admin/widgets/{widgetId}"].delete.responses["204"].content).toBeUndefined();
  });

  it("sends / to the console", async () => {
    const res = await t.call("GET", "/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/console");
  });

  it("renders the docs and demo pages", async () => {
    const docs = await (await t.call("GET", "/docs")).text();
    expect(docs).toContain("/v1/widgets/{widgetId}/bookings");
    const demo = await (await t.call("GET", "/demo")).text();
    expect(demo).toContain('data-slotbook="wgt_demo"');
    expect(demo).toContain("https://book.test/widget.js");
  });
});
