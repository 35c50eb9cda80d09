import { describe, expect, it } from "vitest";
import { appOnCliDb } from "../app-on-cli-db.js";
import { useTestCli } from "../run-for-test.js";

const ADMIN = "sk_test_cli_0123456789abcdefghij";
const DAY_MS = 86_400_000;
/** Flags `slots add` accepts as they are; a row of the rejection table adds the one flag that is wrong with them. */
const VALID = ["--widget", "wgt_x", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "3"];
const cli = useTestCli();

async function newWidget(...extra: string[]): Promise<string> {
  const { stdout } = await cli.run("widget", "create", "--title", "Class", ...extra);
  return /Created widget (wgt_[\w-]+)/.exec(stdout)?.[1] ?? "";
}

async function adminSlots(widgetId: string) {
  const { app, store } = appOnCliDb(cli, ADMIN);
  const res = await app.request(`/v1/admin/widgets/${widgetId}/slots`, {
    headers: { authorization: `Bearer ${ADMIN}` },
  });
  await store.close();
  return (
    (await res.json()) as {
      slots: { id: string; startsAt: string; endsAt: string; capacity: number; label?: string }[];
    }
  ).slots;
}

describe("slotbook slots add", () => {
  it("adds one slot with its duration, capacity and label", async () => {
    const widget = await newWidget();
    const result = await cli.run(
      "slots",
      "add",
      "--widget",
      widget,
      "--start",
      "2030-12-01T15:00:00+01:00",
      "--duration",
      "45",
      "--capacity",
      "8",
      "--label",
      "Beginners",
    );
    expect(result).toMatchObject({ code: 0, stderr: cli.using });
    const slots = await adminSlots(widget);
    expect(slots).toEqual([
      expect.objectContaining({
        startsAt: "2030-12-01T14:00:00.000Z",
        endsAt: "2030-12-01T14:45:00.000Z",
        capacity: 8,
        label: "Beginners",
      }),
    ]);
    expect(result.stdout).toContain(slots[0]?.id);
  });

  it("--repeat daily --count 5 makes 5 slots a day apart", async () => {
    const widget = await newWidget();
    const result = await cli.run(
      "slots",
      "add",
      "--widget",
      widget,
      "--start",
      "2030-06-01T10:00:00Z",
      "--duration",
      "60",
      "--capacity",
      "3",
      "--repeat",
      "daily",
      "--count",
      "5",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Added 5 slots/);
    const starts = (await adminSlots(widget)).map((slot) => Date.parse(slot.startsAt));
    expect(starts).toHaveLength(5);
    expect(starts.slice(1).map((start, i) => start - (starts[i] ?? 0))).toEqual([DAY_MS, DAY_MS, DAY_MS, DAY_MS]);
  });

  it("--repeat weekly keeps the wall-clock time of the widget's time zone across a DST change", async () => {
    const widget = await newWidget("--timezone", "Europe/Berlin");
    // 10:00 in Berlin: +01:00 before 31 March 2030, +02:00 after.
    await cli.run(
      "slots",
      "add",
      "--widget",
      widget,
      "--start",
      "2030-03-24T10:00:00+01:00",
      "--duration",
      "30",
      "--capacity",
      "1",
      "--repeat",
      "weekly",
      "--count",
      "2",
    );
    expect((await adminSlots(widget)).map((slot) => slot.startsAt)).toEqual([
      "2030-03-24T09:00:00.000Z",
      "2030-03-31T08:00:00.000Z",
    ]);
  });

  it("refuses a start in the past with one line and exit 2, writing nothing", async () => {
    const widget = await newWidget();
    const past = new Date(Date.now() - 60_000).toISOString();
    const result = await cli.run(
      "slots",
      "add",
      "--widget",
      widget,
      "--start",
      past,
      "--duration",
      "30",
      "--capacity",
      "2",
    );
    expect(result).toEqual({ code: 2, stdout: "", stderr: "--start is in the past\n" });
    expect(await adminSlots(widget)).toEqual([]);
  });

  it("fails with exit 1 and one line for an unknown widget", async () => {
    const result = await cli.run(
      "slots",
      "add",
      "--widget",
      "wgt_missing",
      "--start",
      "2030-06-01T10:00:00Z",
      "--duration",
      "60",
      "--capacity",
      "3",
    );
    expect(result).toMatchObject({ code: 1, stdout: "", stderr: `${cli.using}No widget wgt_missing\n` });
  });

  it.each([
    [["--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "3"], /^--widget is required/],
    [
      ["--widget", "oops", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "3"],
      /^--widget: Not a widget id/,
    ],
    [["--widget", "wgt_x", "--start", "tomorrow", "--duration", "60", "--capacity", "3"], /^--start: Use an ISO 8601/],
    [
      ["--widget", "wgt_x", "--start", "2030-06-01T10:00:00Z", "--duration", "0", "--capacity", "3"],
      /^--duration must be a whole number from 1 to 1440, got "0"/,
    ],
    [
      ["--widget", "wgt_x", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "0"],
      /^--capacity: At least 1 seat/,
    ],
    [
      ["--widget", "wgt_x", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity", "many"],
      /^--capacity must be a whole number/,
    ],
    [[...VALID, "--repeat", "hourly", "--count", "2"], /^--repeat must be daily or weekly/],
    [[...VALID, "--repeat", "daily"], /^--repeat needs --count/],
    [[...VALID, "--count", "2"], /^--count needs --repeat/],
    [[...VALID, "--repeat", "daily", "--count", "501"], /^--count must be a whole number from 1 to 500/],
    [
      ["--widget", "wgt_x", "--start", "2030-06-01T10:00:00Z", "--duration", "60", "--capacity"],
      /^--capacity needs a value/,
    ],
  ])("rejects %j with exit 2 and one line", async (args, message) => {
    const result = await cli.run("slots", "add", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
