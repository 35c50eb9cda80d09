/** @module Property tests: random and hostile bodies on the booking route never get a 5xx, a stack trace or SQL back. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, problemSchema } from "../../sdk/index.js";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";

const [sqlite] = await testStores();
const LEAKS = /SELECT|INSERT|UPDATE |sqlite|postgres|kysely|at \w+ \(|\.ts:\d|node_modules/i;

describe("booking route under random input", () => {
  let t: TestApi;
  let widgetId: string;
  let slotId: string;
  beforeAll(async () => {
    t = await makeTestApi(sqlite!);
    ({
      widgetId,
      slotIds: [slotId = ""],
    } = await t.seed({ capacities: [10_000] }));
  });
  afterAll(() => t.cleanup());

  async function check(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
    const res = await t.app.request(`/v1/widgets/${widgetId}/bookings`, { method: "POST", body, headers });
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    expect(text).not.toMatch(LEAKS);
    if (res.status !== 201) {
      const problem = problemSchema.parse(JSON.parse(text));
      expect(problem.status).toBe(res.status);
      expect(ERROR_CODES[problem.code].status).toBe(res.status);
    }
  }

  const hostile = fc.constantFrom(
    "'; DROP TABLE bookings; --",
    "<script>alert(1)</script>",
    "\u0000\u0001\uFFFF",
    "𝕏".repeat(50),
    "=cmd|' /C calc'!A0",
    "../../etc/passwd",
    "$" + "{jndi:ldap://x}",
    "__proto__",
  );
  const anyValue = fc.oneof(
    fc.string(),
    hostile,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string()),
    fc.object(),
  );

  it("random JSON values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => check(JSON.stringify(value))),
      { numRuns: 150 },
    );
  });

  it("booking-shaped objects with random field values", async () => {
    const field = (v: fc.Arbitrary<unknown>) => fc.option(v, { nil: undefined });
    const body = fc.record({
      slotId: fc.oneof(fc.constant(slotId), anyValue),
      name: field(fc.oneof(fc.string(), hostile, anyValue)),
      email: field(fc.oneof(fc.emailAddress(), hostile, anyValue)),
      phone: field(fc.oneof(fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/), anyValue)),
      answers: field(fc.oneof(fc.dictionary(fc.string(), anyValue), anyValue)),
      consent: field(anyValue),
      timezone: field(fc.oneof(fc.constantFrom("Europe/Berlin", "Nope/Zone"), anyValue)),
      context: field(fc.oneof(fc.record({ pageUrl: anyValue, utm: fc.object() }), anyValue)),
      hp: field(fc.oneof(fc.constant(""), anyValue)),
      ["__proto__"]: field(fc.object()),
    });
    await fc.assert(
      fc.asyncProperty(body, async (value) => check(JSON.stringify(value))),
      { numRuns: 300 },
    );
  });

  it("random bytes and content types", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "",
          "application/json; charset=utf-16",
          "multipart/form-data",
        ),
        async (body, type) => check(body, type ? { "content-type": type } : {}),
      ),
      { numRuns: 150 },
    );
  });

  it("deeply nested and oversized bodies", async () => {
    await check("[".repeat(5000) + "]".repeat(5000));
    await check(
      JSON.stringify({
        slotId,
        name: "x",
        email: "a@b.co",
        answers: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, "v"])),
      }),
    );
    await check(JSON.stringify({ slotId, name: "x".repeat(20_000), email: "a@b.co" }));
  });
});
