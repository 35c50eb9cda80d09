/**
 * @module In-process profile of the booking route: `npx tsx bench/profile-booking.ts` (add `node --cpu-prof`
 * through `NODE_OPTIONS` for a profile). No HTTP: what is left is validation, crypto, the store and Hono.
 */
import { createApp } from "../server/app.js";
import { parseSecret } from "../server/crypto/index.js";
import { makeTestSqliteStore } from "../server/store/testing.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../server/testing/api-harness.js";

const N = Number(process.env.N ?? 3000);
const { store, cleanup } = await makeTestSqliteStore();
const app = createApp({
  store,
  keys: parseSecret(TEST_SECRET),
  adminKey: TEST_ADMIN_KEY,
  rateLimitPerMinute: 0,
  log: () => {},
});
const admin = async (method: string, path: string, body: unknown) =>
  (
    await app.request(path, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json();
const widget = await admin("POST", "/v1/admin/widgets", { title: "Bench" });
const start = Date.now() + 86_400_000;
const { slots } = await admin("POST", `/v1/admin/widgets/${widget.id}/slots`, {
  slots: [
    { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), capacity: 10_000 },
  ],
});
let n = 0;
const book = async () => {
  const i = n++;
  const res = await app.request(`/v1/widgets/${widget.id}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `key-${i}`, origin: "https://school.example" },
    body: JSON.stringify({
      slotId: slots[0].id,
      name: "Ada Lovelace",
      email: `p${i}@example.com`,
      phone: "+44 20 7946 0958",
    }),
  });
  if (res.status !== 201) throw new Error(`booking answered ${res.status}`);
};
for (let i = 0; i < 200; i++) await book();
const t0 = performance.now();
for (let i = 0; i < N / 50; i++) await Promise.all(Array.from({ length: 50 }, book));
const perBooking = (performance.now() - t0) / N;
console.log(
  `${N} bookings, 50 at a time, in-process: ${(perBooking * 1000).toFixed(0)} µs each (${Math.round(1000 / perBooking)}/s)`,
);
await cleanup();
