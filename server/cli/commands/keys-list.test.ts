/** @module `slotbook keys list` and `slotbook keys revoke` through the CLI harness, checked against the real app on the same database. */
import { describe, expect, it } from "vitest";
import { appOnCliDb } from "../app-on-cli-db.js";
import { useTestCli } from "../run-for-test.js";

const cli = useTestCli();

/** `keys create` and the id it reports on stderr. */
async function createKey(...args: string[]) {
  const result = await cli.run("keys", "create", ...args);
  expect(result.code).toBe(0);
  return { secret: result.stdout.trim(), id: /\(id (key_[\w-]+)\)/.exec(result.stderr)?.[1] ?? "" };
}

describe("slotbook keys list", () => {
  it("prints a header and one tab-separated line per key, oldest first, never a secret", async () => {
    const crm = await createKey("--label", "CRM sync");
    const plain = await createKey();
    const result = await cli.run("keys", "list");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(cli.using);
    expect(result.stdout.endsWith("\n")).toBe(true);
    const [header, ...rows] = result.stdout.slice(0, -1).split("\n");
    expect(header).toBe("id\tcreated\tlast used\tlabel");
    expect(rows.map((r) => r.split("\t"))).toEqual([
      [crm.id, expect.stringMatching(/^\d{4}-.*Z$/), "never", "CRM sync"],
      [plain.id, expect.stringMatching(/^\d{4}-.*Z$/), "never", ""],
    ]);
    expect(result.stdout).not.toContain(crm.secret);
    expect(result.stdout).not.toContain("sk_");
  });

  it("shows when a key was last used", async () => {
    const key = await createKey();
    const { app, store } = appOnCliDb(cli);
    expect(
      (await app.request("/v1/admin/widgets", { headers: { authorization: `Bearer ${key.secret}` } })).status,
    ).toBe(200);
    await store.close();
    const line = (await cli.run("keys", "list")).stdout.split("\n")[1]!.split("\t");
    expect(line[2]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it("with no keys: just the header, and a hint on stderr", async () => {
    const result = await cli.run("keys", "list");
    expect(result).toEqual({
      code: 0,
      stdout: "id\tcreated\tlast used\tlabel\n",
      stderr: `${cli.using}No API keys yet; create one with "slotbook keys create".\n`,
    });
  });

  it("keys create refuses a label over 100 characters", async () => {
    const result = await cli.run("keys", "create", "--label", "x".repeat(101));
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "--label: At most 100 characters\n" });
  });
});

describe("slotbook keys revoke", () => {
  it("revokes a key: the server refuses it at once, and the list no longer has it", async () => {
    const leaked = await createKey("--label", "leaked");
    const kept = await createKey();
    const result = await cli.run("keys", "revoke", leaked.id);
    expect(result).toEqual({
      code: 0,
      stdout: "",
      stderr: `${cli.using}Revoked admin API key ${leaked.id}; requests that send it are refused from now on.\n`,
    });
    const { app, store } = appOnCliDb(cli);
    const as = (secret: string) => app.request("/v1/admin/widgets", { headers: { authorization: `Bearer ${secret}` } });
    expect((await as(leaked.secret)).status).toBe(401);
    expect((await as(kept.secret)).status).toBe(200);
    await store.close();
    expect((await cli.run("keys", "list")).stdout).not.toContain(leaked.id);
  });

  it.each([
    [[], /^Give the id of the key to revoke/],
    [["sk_0123456789abcdefghijklmnopqrst"], /^That is a key, not its id/],
    [["nonsense"], /^ID: Not an API key id/],
    [["key_a", "key_b"], /^Unexpected argument "key_b" for "slotbook keys revoke"/],
  ])("%j: exit 2, one line, and the secret never echoed", async (args, message) => {
    const result = await cli.run("keys", "revoke", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain("sk_0123");
  });

  it("an unknown id: exit 1 and one line after the database line", async () => {
    const result = await cli.run("keys", "revoke", "key_missing");
    expect(result).toEqual({ code: 1, stdout: "", stderr: `${cli.using}No API key key_missing\n` });
  });
});
