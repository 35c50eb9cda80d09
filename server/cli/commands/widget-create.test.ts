import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appOnCliDb } from "../app-on-cli-db.js";
import { makeTestCli, type TestCli } from "../run-for-test.js";

const ADMIN = "sk_test_cli_0123456789abcdefghij";
let cli: TestCli;
beforeEach(async () => {
  cli = await makeTestCli();
});
afterEach(() => cli.cleanup());

describe("slotbook widget create", () => {
  it("creates the widget and prints its id and the inline snippet", async () => {
    const result = await cli.run(
      "widget",
      "create",
      "--title",
      "Free trial lesson",
      "--origin",
      "https://a.example",
      "--origin",
      "https://b.example",
      "--timezone",
      "Europe/Berlin",
      "--locale",
      "de",
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const id = /Created widget (wgt_[\w-]+)/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toContain(
      `<!-- inline -->\n<div data-slotbook="${id}"></div>\n<script async src="https://book.test/widget.js"></script>\n`,
    );

    const { app, store } = appOnCliDb(cli, ADMIN);
    const res = await app.request(`/v1/admin/widgets/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id,
      title: "Free trial lesson",
      allowedOrigins: ["https://a.example", "https://b.example"],
      timezone: "Europe/Berlin",
      locale: "de",
      status: "active",
    });
    await store.close();
  });

  it("defaults to any origin, UTC and English", async () => {
    const result = await cli.run("widget", "create", "--title", "Demo");
    const id = /Created widget (wgt_[\w-]+)/.exec(result.stdout)?.[1];
    const { app, store } = appOnCliDb(cli, ADMIN);
    const widget = await (
      await app.request(`/v1/admin/widgets/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json();
    expect(widget).toMatchObject({ allowedOrigins: ["*"], timezone: "UTC", locale: "en" });
    await store.close();
  });

  it.each([
    [["--origin", "https://a.example"], /^--title is required\n$/],
    [["--title", "X", "--origin", "ftp://x"], /^--origin "ftp:\/\/x": Use an origin like/],
    [["--title", "X", "--origin", "https://a.example/path"], /^--origin "https:\/\/a.example\/path": /],
    [["--title", "X", "--timezone", "Mars/Base"], /^--timezone: Unknown time zone\n$/],
    [["--title", "X", "--locale", "English"], /^--locale: /],
    [["--title", "   "], /^--title is required\n$/],
  ])("rejects %j with exit 2 and one line naming the flag", async (args, message) => {
    const result = await cli.run("widget", "create", ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
