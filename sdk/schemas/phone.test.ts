/** @module phoneSchema and timeZoneSchema: the values and issues the server and the widget rely on. */
import { describe, expect, it } from "vitest";
import { bookingRequestSchema } from "./booking.js";
import { timeZoneSchema } from "./common.js";
import { phoneSchema } from "./phone.js";

const issues = (result: { success: boolean; error?: { issues: { code: string; message: string }[] } }) =>
  result.error?.issues.map(({ code, message }) => ({ code, message }));

describe("phoneSchema", () => {
  it("normalises to E.164 and reads an empty or blank value as no phone", () => {
    expect(phoneSchema.parse("+1 (555) 010-9999")).toBe("+15550109999");
    expect(phoneSchema.parse("0044 20 7946 0958")).toBe("+442079460958");
    expect(phoneSchema.parse("")).toBeUndefined();
    expect(phoneSchema.parse("   ")).toBeUndefined();
    const parsed = bookingRequestSchema.parse({ slotId: "slot_a", name: "Ada", email: "a@b.co", phone: " " });
    expect(parsed.phone).toBeUndefined();
  });

  it("gives one issue per bad value: too long, or not a number with its country code", () => {
    expect(issues(phoneSchema.safeParse("+1".padEnd(45, "5")))).toEqual([
      { code: "too_big", message: "Enter a valid phone number" },
    ]);
    expect(issues(phoneSchema.safeParse("12345"))).toEqual([
      { code: "custom", message: "Enter the number with its country code, e.g. +1 555 010 9999" },
    ]);
    expect(phoneSchema.safeParse(5).success).toBe(false);
  });
});

describe("timeZoneSchema", () => {
  it("accepts zones Intl knows and reports every problem of a bad one", () => {
    expect(timeZoneSchema.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(issues(timeZoneSchema.safeParse("Mars/Base"))).toEqual([{ code: "custom", message: "Unknown time zone" }]);
    expect(issues(timeZoneSchema.safeParse("x".repeat(70)))?.map((i) => i.code)).toEqual(["too_big", "custom"]);
  });
});
