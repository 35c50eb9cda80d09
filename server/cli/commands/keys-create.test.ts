import { describe, expect, it } from "vitest";
import { appOnCliDb } from "../app-on-cli-db.js";
import { useTestCli } from "../run-for-test.js";

const cli = useTestCli();

describe("slotbook keys create", () => {
  it("prints a new key alone on stdout, says on stderr it is shown only now, and the key then works", async () => {
    const result = await cli.run("keys", "create");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sk_[A-Za-z0-9_-]{20,}\n$/);
    expect(result.stderr.startsWith(cli.using)).toBe(true);
    expect(result.stderr.slice(cli.using.length)).toMatch(
      /^Created admin API key \(id key_[\w-]+\)\. The key above is shown only now; store it in your secret manager\.\n$/,
    );
    expect(result.stderr).not.toMatch(/key key_/);
    const key = result.stdout.trim();

    const { app, store } = appOnCliDb(cli);
    const ok = await app.request("/v1/admin/widgets", { headers: { authorization: `Bearer ${key}` } });
    const wrong = await app.request("/v1/admin/widgets", { headers: { authorization: `Bearer ${key.slice(0, -1)}x` } });
    await store.close();
    expect(ok.status).toBe(200);
    expect(wrong.status).toBe(401);
  });

  it("makes a different key each time", async () => {
    const a = await cli.run("keys", "create");
    const b = await cli.run("keys", "create");
    expect(a.stdout).not.toBe(b.stdout);
  });
});
