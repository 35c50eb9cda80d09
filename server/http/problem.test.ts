/** @module errorToResponse: every thrown thing becomes problem+json; a database outage is answered 503 and logged. */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { storeUnavailable } from "../store/store-unavailable.js";
import type { AppEnv } from "./env.js";
import { errorToResponse } from "./problem.js";

function appThrowing(err: unknown, lines: Record<string, unknown>[]) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("requestId", "req_test");
    await next();
  });
  app.get("/", () => {
    throw err;
  });
  app.onError((e, c) => errorToResponse(e, c, (line) => lines.push(line)));
  return app;
}

describe("errorToResponse", () => {
  it("answers a database outage 503 with Retry-After and logs one warn line with the driver's code, no parameters", async () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      parameters: ["ada@example.com"],
      query: "insert into bookings values ($1)",
    });
    const lines: Record<string, unknown>[] = [];
    const res = await appThrowing(storeUnavailable(cause), lines).request("/");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await res.json()).code).toBe("unavailable");
    expect(lines).toEqual([
      {
        level: "warn",
        msg: "database unavailable",
        requestId: "req_test",
        code: "ECONNREFUSED",
        error: "connect ECONNREFUSED 127.0.0.1:5432",
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/ada@example\.com|insert into/);
  });

  it("logs unknown errors as internal and answers 500 without internals", async () => {
    const lines: Record<string, unknown>[] = [];
    const res = await appThrowing(new Error("secret detail"), lines).request("/");
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret detail");
    expect(lines).toContainEqual(expect.objectContaining({ level: "error", requestId: "req_test" }));
  });
});
