/**
 * @module Two instances on one PostgreSQL (two pools, two workers, each claiming with FOR UPDATE SKIP LOCKED under a
 * lease) deliver each of 200 webhook events exactly once in a normal run, to a real HTTP receiver.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSecret } from "../crypto/index.js";
import { createPostgresStore } from "../store/postgres-store.js";
import { makeTestPostgresStore, requirePostgres, TEST_POSTGRES_URL } from "../store/testing.js";
import type { Store } from "../store/types.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";
import { startTestReceiver, type TestReceiver } from "../webhooks/testing.js";
import { createOutboxWorker, type OutboxWorker, webhookDeliverer } from "./index.js";

const available = await requirePostgres();

describe.skipIf(!available)("webhooks from two instances on one PostgreSQL", () => {
  let first: TestApi;
  let second: TestApi;
  let secondStore: Store;
  let receiver: TestReceiver;
  let workers: OutboxWorker[] = [];
  beforeEach(async () => {
    receiver = await startTestReceiver();
    let schema = "";
    first = await makeTestApi(
      {
        name: "postgres",
        make: async () => {
          const made = await makeTestPostgresStore();
          schema = made.schema;
          return made;
        },
      },
      { allowPrivateWebhooks: true },
    );
    secondStore = createPostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    second = await makeTestApi(
      { name: "postgres", make: async () => ({ store: secondStore, cleanup: async () => {} }) },
      { allowPrivateWebhooks: true },
    );
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    await receiver.close();
    await secondStore.close();
    await first.cleanup();
  });

  it("each of 200 events is delivered once", async () => {
    const { widgetId, slotIds } = await first.seed({ capacities: [200] });
    const created = await first.admin("POST", "/v1/admin/webhooks", { url: receiver.url, events: ["*"] });
    expect(created.status).toBe(201);
    const keys = parseSecret(TEST_SECRET);
    for (const store of [first.store, secondStore]) {
      const worker = createOutboxWorker({
        store,
        deliver: {
          webhook: webhookDeliverer({ store, keys, now: () => new Date(), allowPrivateNetworks: true }),
          email: async () => {},
        },
        pollMs: 20,
        batchSize: 5,
      });
      worker.start();
      workers.push(worker);
    }
    // Bookings through both instances, ten at a time, while both workers claim.
    for (let i = 0; i < 200; i += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          (j % 2 ? second : first).call("POST", `/v1/widgets/${widgetId}/bookings`, {
            body: bookingBody(slotIds[0]!, { email: `v${i + j}@example.com` }),
          }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    }
    const deadline = Date.now() + 60_000;
    while (receiver.received.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Time for a duplicate to show up, were one coming: several polls of both workers.
    await new Promise((r) => setTimeout(r, 1000));
    const ids = receiver.received.map((h) => String(h.headers["webhook-id"]));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    const bookings = new Set(receiver.received.map((h) => JSON.parse(h.body).data.booking.id as string));
    expect(bookings.size).toBe(200);
  }, 90_000);
});
