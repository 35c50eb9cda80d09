/** @module Admin API key routes on every store engine: create (secret once), list (no secrets), revoke at once, last use. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiKeyCreatedSchema, apiKeyListSchema } from "../../sdk/index.js";
import { hashToken } from "../crypto/index.js";
import { testStores } from "../store/testing.js";
import { makeTestApi, type TestApi } from "../testing/api-harness.js";

const engines = await testStores();

describe.each(engines)("admin key routes on $name", (factory) => {
  let t: TestApi;
  let now: Date;
  beforeEach(async () => {
    t = await makeTestApi(factory);
    now = new Date("2026-12-01T09:00:00.000Z");
    t.setNow(now);
  });
  afterEach(() => t.cleanup());

  /** A request made with `secret` as the admin key. */
  const withKey = (secret: string, method = "GET", path = "/v1/admin/widgets") =>
    t.call(method, path, { headers: { authorization: `Bearer ${secret}` } });
  const listed = async () => apiKeyListSchema.parse(await (await t.admin("GET", "/v1/admin/keys")).json());
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    t.setNow(now);
  };

  it("creates a key whose secret is shown once and works; the listing never shows a secret or hash", async () => {
    const res = await t.admin("POST", "/v1/admin/keys", { label: "  CRM sync  " });
    expect(res.status).toBe(201);
    const created = apiKeyCreatedSchema.parse(await res.json());
    expect(created).toEqual({
      id: expect.stringMatching(/^key_/),
      label: "CRM sync",
      createdAt: "2026-12-01T09:00:00.000Z",
      secret: expect.stringMatching(/^sk_/),
    });
    expect((await withKey(created.secret)).status).toBe(200);
    advance(1000);
    const unlabelled = apiKeyCreatedSchema.parse(await (await t.admin("POST", "/v1/admin/keys", {})).json());
    expect(unlabelled.label).toBeNull();

    const listing = await (await t.admin("GET", "/v1/admin/keys")).text();
    expect(listing).not.toContain(created.secret);
    expect(listing).not.toMatch(/"hash"|sk_/);
    expect(apiKeyListSchema.parse(JSON.parse(listing))).toEqual({
      data: [
        { id: created.id, label: "CRM sync", createdAt: created.createdAt, lastUsedAt: "2026-12-01T09:00:00.000Z" },
        { id: unlabelled.id, label: null, createdAt: "2026-12-01T09:00:01.000Z", lastUsedAt: null },
      ],
      // The harness's SLOTBOOK_ADMIN_KEY: it works, it is not listed, and the listing says it is set.
      bootstrapKey: true,
    });
  });

  it("revokes a key at once: its next request is 401; other keys keep working; a second revoke is 404", async () => {
    const a = apiKeyCreatedSchema.parse(await (await t.admin("POST", "/v1/admin/keys", { label: "leaked" })).json());
    const b = apiKeyCreatedSchema.parse(await (await t.admin("POST", "/v1/admin/keys", {})).json());
    expect((await withKey(a.secret)).status).toBe(200);
    // A key may revoke itself, e.g. the one that leaked.
    expect((await withKey(a.secret, "DELETE", `/v1/admin/keys/${a.id}`)).status).toBe(204);
    const refused = await withKey(a.secret);
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe("unauthorized");
    expect((await withKey(b.secret)).status).toBe(200);
    expect((await listed()).data.map((k) => k.id)).toEqual([b.id]);
    const again = await t.admin("DELETE", `/v1/admin/keys/${a.id}`);
    expect(again.status).toBe(404);
    expect((await again.json()).code).toBe("not_found");
    expect((await t.admin("DELETE", "/v1/admin/keys/key_unknown")).status).toBe(404);
  });

  it("records the last use at most once a minute per key", async () => {
    const key = apiKeyCreatedSchema.parse(await (await t.admin("POST", "/v1/admin/keys", {})).json());
    const lastUsed = async () => (await t.store.findApiKey(hashToken(key.secret)))?.lastUsedAt;
    let writes = 0;
    const mark = t.store.markApiKeyUsed.bind(t.store);
    t.store.markApiKeyUsed = async (...args) => {
      writes += 1;
      return mark(...args);
    };
    expect(await lastUsed()).toBeNull();
    await withKey(key.secret);
    expect(await lastUsed()).toBe("2026-12-01T09:00:00.000Z");
    for (let i = 0; i < 10; i++) {
      advance(5_000); // 50 s of requests, every 5 s
      expect((await withKey(key.secret)).status).toBe(200);
    }
    expect(writes).toBe(1);
    expect(await lastUsed()).toBe("2026-12-01T09:00:00.000Z");
    advance(10_000); // a minute after the first write
    await withKey(key.secret);
    expect(writes).toBe(2);
    expect(await lastUsed()).toBe("2026-12-01T09:01:00.000Z");
    expect((await listed()).data[0]?.lastUsedAt).toBe("2026-12-01T09:01:00.000Z");
  });

  it("a failed last-use write does not refuse a valid key", async () => {
    const key = apiKeyCreatedSchema.parse(await (await t.admin("POST", "/v1/admin/keys", {})).json());
    t.store.markApiKeyUsed = async () => {
      throw new Error("attempt to write a readonly database");
    };
    expect((await withKey(key.secret)).status).toBe(200);
  });

  it("needs an admin key and validates the label", async () => {
    for (const [method, path] of [
      ["GET", "/v1/admin/keys"],
      ["POST", "/v1/admin/keys"],
      ["DELETE", "/v1/admin/keys/key_x"],
    ] as const) {
      expect((await t.call(method, path, method === "POST" ? { body: {} } : {})).status).toBe(401);
    }
    const long = await t.admin("POST", "/v1/admin/keys", { label: "x".repeat(101) });
    expect(long.status).toBe(422);
    expect((await long.json()).issues[0].path).toEqual(["label"]);
  });

  it("says when there is no SLOTBOOK_ADMIN_KEY", async () => {
    const api = await makeTestApi(factory, { adminKey: undefined });
    try {
      const secret = "sk_the_only_stored_key_0123456789";
      const row = {
        id: "key_only",
        hash: hashToken(secret),
        label: null,
        createdAt: now.toISOString(),
        lastUsedAt: null,
      };
      await api.store.insertApiKey(row);
      const res = await api.call("GET", "/v1/admin/keys", { headers: { authorization: `Bearer ${secret}` } });
      expect(apiKeyListSchema.parse(await res.json())).toMatchObject({
        data: [{ id: "key_only" }],
        bootstrapKey: false,
      });
    } finally {
      await api.cleanup();
    }
  });

  it("is in /openapi.json", async () => {
    const doc = await (await t.call("GET", "/openapi.json")).json();
    expect(doc.paths["/v1/admin/keys"].post.responses["201"]).toBeDefined();
    expect(doc.paths["/v1/admin/keys"].get.responses["200"].description).toContain("SLOTBOOK_ADMIN_KEY");
    expect(doc.paths["/v1/admin/keys/{keyId}"].delete.responses["204"]).toBeDefined();
  });
});
