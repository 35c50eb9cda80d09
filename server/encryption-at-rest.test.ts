/** @module Personal data never reaches the database file in plain text, and secrets are stored only as hashes. */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTestSqliteStore } from "./store/testing.js";
import { bookingBody, makeTestApi, type TestApi } from "./testing/api-harness.js";

describe("encryption at rest", () => {
  let t: TestApi;
  afterEach(() => t.cleanup());

  it("a grep of the SQLite files finds no submitted name, email, phone, answer or manage token", async () => {
    let filename = "";
    t = await makeTestApi({
      name: "sqlite",
      make: async () => {
        const made = await makeTestSqliteStore();
        filename = made.filename;
        return made;
      },
    });
    const { widgetId, slotIds } = await t.seed({
      capacities: [5],
      widget: { fields: [{ key: "goal", label: "Goal", type: "text", required: false }] },
    });
    const secrets = ["Grace Hopper", "grace.hopper@navy.example", "+12025550147", "Learn COBOL quickly"];
    const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
      body: bookingBody(slotIds[0]!, {
        name: secrets[0],
        email: secrets[1],
        phone: "+1 202 555 0147",
        answers: { goal: secrets[3] },
      }),
      headers: { "idempotency-key": "grep-test" },
    });
    expect(res.status).toBe(201);
    const { manageToken } = await res.json();
    const admin = await (await t.admin("GET", `/v1/admin/bookings?email=${secrets[1]}`)).json();
    expect(admin.data[0]).toMatchObject({ name: secrets[0], phone: secrets[2] });

    await t.store.close();
    const dir = dirname(filename);
    const files = (await readdir(dir)).map((f) => join(dir, f));
    const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(f))));
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes("Demo class")).toBe(true); // the grep itself works: non-personal data is there
    for (const needle of [...secrets, "grace", "2025550147", manageToken, "hopper"]) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });
});
