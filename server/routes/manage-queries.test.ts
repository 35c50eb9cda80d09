/** @module A manage request reads its booking once: the store calls a read makes, counted on a real store. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { parseSecret } from "../crypto/index.js";
import { testStores } from "../store/testing.js";
import type { Store } from "../store/types.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";

const engines = await testStores();

/** The store with every call of its operations written down by name. */
function countingStore(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || typeof name !== "string") return value;
      return (...args: unknown[]) => {
        calls.push(name);
        return value.apply(target, args);
      };
    },
  });
  return { store: counted, calls };
}

describe.each(engines)("manage reads on $name", (factory) => {
  let t: TestApi;
  let booking: { id: string };
  let token: string;
  beforeEach(async () => {
    t = await makeTestApi(factory);
    const { widgetId, slotIds } = await t.seed({ widget: { allowedOrigins: ["https://school.example"] } });
    const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    ({ booking, manageToken: token } = await res.json());
  });
  afterEach(() => t.cleanup());

  it("reads the booking and its widget once (the origin check and the answer share them), then its slot", async () => {
    const { store, calls } = countingStore(t.store);
    const app = createApp({ store, keys: parseSecret(TEST_SECRET), log: false, publicUrl: "https://book.test" });
    const headers = { origin: "https://school.example", authorization: `Bearer ${token}` };
    const read = await app.request(`/v1/bookings/${booking.id}`, { headers });
    expect(read.status).toBe(200);
    // Before the three-step edge: getBooking, getWidget (origin check), getBooking, getSlot (answer).
    expect(calls).toEqual(["getBooking", "getWidget", "getSlot"]);
    calls.length = 0;
    const invite = await app.request(`/v1/bookings/${booking.id}/invite.ics`, { headers });
    expect(invite.status).toBe(200);
    // The invite's title comes from the widget read for the origin check, not a second read.
    expect(calls).toEqual(["getBooking", "getWidget", "getSlot"]);
    calls.length = 0;
    const refused = await app.request(`/v1/bookings/${booking.id}`, {
      headers: { ...headers, origin: "https://evil.example" },
    });
    expect(refused.status).toBe(403);
    expect(calls).toEqual(["getBooking", "getWidget"]);
  });
});
