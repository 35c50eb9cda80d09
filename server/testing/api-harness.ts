/** @module Test harness for the HTTP API: an app on a throwaway store, a settable clock, and request shorthands. */

import { type AppOptions, createApp } from "../app.js";
import { parseSecret } from "../crypto/index.js";
import type { TestStoreFactory } from "../store/testing.js";
import type { Store } from "../store/types.js";

/** The bootstrap admin key every test app accepts. */
export const TEST_ADMIN_KEY = "sk_test_0123456789abcdefghijklmnop";
/** A fixed 32-byte key, so tests are reproducible. */
export const TEST_SECRET = Buffer.alloc(32, 7).toString("base64");

/** A test app and helpers around it. */
export interface TestApi {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** Move the app's clock. */
  setNow(date: Date): void;
  /** A request with JSON body and headers. */
  call(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** The same with the admin key. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** A widget with one future slot per capacity given; returns their ids. */
  seed(options?: {
    capacities?: number[];
    widget?: Record<string, unknown>;
  }): Promise<{ widgetId: string; slotIds: string[] }>;
  cleanup(): Promise<void>;
}

/** Build a test API on a fresh store from `factory`. */
export async function makeTestApi(factory: TestStoreFactory, options: Partial<AppOptions> = {}): Promise<TestApi> {
  const { store, cleanup } = await factory.make();
  let now = new Date();
  const app = createApp({
    store,
    keys: parseSecret(TEST_SECRET),
    adminKey: TEST_ADMIN_KEY,
    rateLimitPerMinute: 0,
    log: false,
    publicUrl: "https://book.test",
    now: () => now,
    ...options,
  });
  const call: TestApi["call"] = async (method, path, init = {}) =>
    app.request(path, {
      method,
      headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    });
  const admin: TestApi["admin"] = (method, path, body) =>
    call(method, path, { body, headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
  return {
    app,
    store,
    setNow: (date) => {
      now = date;
    },
    call,
    admin,
    async seed({ capacities = [3], widget = {} } = {}) {
      const created = await admin("POST", "/v1/admin/widgets", { title: "Demo class", ...widget });
      if (created.status !== 201) throw new Error(`seed widget: ${created.status} ${await created.text()}`);
      const { id: widgetId } = (await created.json()) as { id: string };
      const base = now.getTime() + 24 * 3600 * 1000;
      const slots = capacities.map((capacity, i) => ({
        startsAt: new Date(base + i * 3600 * 1000).toISOString(),
        endsAt: new Date(base + i * 3600 * 1000 + 1800 * 1000).toISOString(),
        capacity,
      }));
      const res = await admin("POST", `/v1/admin/widgets/${widgetId}/slots`, { slots });
      if (res.status !== 201) throw new Error(`seed slots: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { slots: { id: string }[] };
      return { widgetId, slotIds: body.slots.map((s) => s.id) };
    },
    cleanup,
  };
}

/** A valid booking body for a slot. */
export function bookingBody(slotId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { slotId, name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 7946 0958", ...overrides };
}
