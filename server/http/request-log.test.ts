/** @module The request log line: one per request, with the route pattern, never the URL's ids, query or token. */
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testing.js";
import { makeTestApi } from "../testing/api-harness.js";
import { jsonLines } from "./request-log.js";

const [sqlite] = await testStores();

describe("request log", () => {
  it("logs method, route pattern, status, duration and request id, without personal data or tokens", async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await makeTestApi(sqlite!, { log: (line) => lines.push(line) });
    const { widgetId, slotIds } = await t.seed();
    const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: { slotId: slotIds[0], name: "Secret Person", email: "secret@example.com" },
    });
    const { booking, manageToken } = await res.json();
    await t.call("GET", `/v1/bookings/${booking.id}?token=${manageToken}`);
    await t.call("GET", "/no/such/route");
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      "POST /v1/admin/widgets 201",
      "POST /v1/admin/widgets/:widgetId/slots 201",
      "POST /v1/widgets/:widgetId/bookings 201",
      "GET /v1/bookings/:bookingId 200",
      "GET (no route) 404",
    ]);
    for (const line of requests) {
      expect(typeof line.ms).toBe("number");
      expect(line.requestId).toBeTruthy();
    }
    const all = JSON.stringify(lines);
    for (const secret of ["Secret Person", "secret@example.com", manageToken, booking.id])
      expect(all).not.toContain(secret);
    await t.cleanup();
  });
});

describe("jsonLines", () => {
  it("writes the lines of one turn in one call, in order, as JSON with the time and level", async () => {
    const writes: string[] = [];
    const log = jsonLines((text) => writes.push(text));
    log({ msg: "one" });
    log({ msg: "two", level: "error" });
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { time: expect.any(String), level: "info", msg: "one" },
      { time: expect.any(String), level: "error", msg: "two" },
    ]);
    log({ msg: "three" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(2);
    expect(JSON.parse(writes[1]!)).toMatchObject({ msg: "three" });
  });
});
