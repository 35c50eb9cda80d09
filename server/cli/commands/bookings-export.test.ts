import { describe, expect, it } from "vitest";
import { bookingBody } from "../../testing/api-harness.js";
import { appOnCliDb } from "../app-on-cli-db.js";
import { useTestCli } from "../run-for-test.js";

const cli = useTestCli();

describe("slotbook bookings export", () => {
  it("prints the widget's bookings as CSV, decrypted, with formula cells escaped", async () => {
    const widget =
      /Created widget (wgt_[\w-]+)/.exec((await cli.run("widget", "create", "--title", "Class")).stdout)?.[1] ?? "";
    const added = await cli.run(
      "slots",
      "add",
      "--widget",
      widget,
      "--start",
      "2030-06-01T10:00:00Z",
      "--duration",
      "60",
      "--capacity",
      "5",
    );
    const slotId = /slot_[\w-]+/.exec(added.stdout)?.[0] ?? "";
    const { app, store } = appOnCliDb(cli);
    for (const [name, email] of [
      ["Ada Lovelace", "ada@example.com"],
      ["=HYPERLINK(1)", "grace@example.com"],
    ]) {
      const res = await app.request(`/v1/widgets/${widget}/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(bookingBody(slotId, { name, email })),
      });
      expect(res.status).toBe(201);
    }
    await store.close();

    const result = await cli.run("bookings", "export", "--widget", widget);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,widget_id,status,slot_id,/);
    expect(lines).toHaveLength(3);
    expect(result.stdout).toContain("Ada Lovelace,ada@example.com");
    expect(result.stdout).toContain("'=HYPERLINK(1),grace@example.com");
    expect(result.stdout).toContain(slotId);
  });

  it("fails with exit 1 for an unknown widget and exit 2 without --widget", async () => {
    expect(await cli.run("bookings", "export", "--widget", "wgt_missing")).toMatchObject({
      code: 1,
      stdout: "",
      stderr: `${cli.using}No widget wgt_missing\n`,
    });
    expect(await cli.run("bookings", "export")).toMatchObject({ code: 2, stderr: "--widget is required\n" });
  });
});
