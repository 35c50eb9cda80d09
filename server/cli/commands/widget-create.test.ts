import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { appOnCliDb } from "../app-on-cli-db.js";
import { useTestCli } from "../run-for-test.js";
import { runHint } from "../run-hint.js";

const ADMIN = "sk_test_cli_0123456789abcdefghij";
const cli = useTestCli();

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
    expect(result).toMatchObject({ code: 0, stderr: cli.using });
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

  it("prints next steps that run from a checkout and work as printed (a start in the future)", async () => {
    const result = await cli.run("widget", "create", "--title", "Demo");
    const id = /Created widget (wgt_[\w-]+)/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`Other ways to embed it: npm run -s slotbook -- snippet --widget ${id}\n`);
    const addLine = /Add time slots: +npm run -s slotbook -- (slots add .*)\n/.exec(result.stdout)?.[1] ?? "";
    expect(addLine).toContain(`--widget ${id}`);
    const added = await cli.run(...addLine.split(" "));
    expect(added).toMatchObject({ code: 0, stderr: cli.using });
    // The npm script the hint names exists and runs the built CLI.
    const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(pkg.scripts.slotbook).toBe("node dist/server/cli/index.js");
  });

  it("names the packaged form when installed from npm", () => {
    expect(runHint("file:///app/node_modules/slotbook/dist/server/cli/run-hint.js")).toBe("npx slotbook");
    expect(runHint("file:///home/me/slotbook/dist/server/cli/run-hint.js")).toBe("npm run -s slotbook --");
  });

  it("help: an example locale the widget speaks, and what the time zone is for", async () => {
    const { stdout } = await cli.run("widget", "create", "--help");
    expect(stdout).toContain("--locale es");
    expect(stdout).not.toContain("--locale de");
    expect(stdout).toContain("home time zone");
    expect(stdout).not.toContain("the slots are shown in");
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
