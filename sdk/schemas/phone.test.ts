/** @module phoneSchema and timeZoneSchema: the values and issues the server and the widget rely on. */
import { describe, expect, it } from "vitest";
import { bookingRequestSchema } from "./booking.js";
import { timeZoneSchema } from "./common.js";
import { PHONE_NEEDS_COUNTRY_CODE, PHONE_NOT_A_NUMBER, phoneFormatMessage, phoneSchema } from "./phone.js";

const issues = (result: { success: boolean; error?: { issues: { code: string; message: string }[] } }) =>
  result.error?.issues.map(({ code, message }) => ({ code, message }));

describe("phoneSchema", () => {
  it("normalises an international number to E.164 and reads an empty or blank value as no phone", () => {
    expect(phoneSchema.parse("+1 (202) 555-0147")).toBe("+12025550147");
    expect(phoneSchema.parse("0044 20 7946 0958")).toBe("+442079460958");
    expect(phoneSchema.parse("")).toBeUndefined();
    expect(phoneSchema.parse("   ")).toBeUndefined();
    const parsed = bookingRequestSchema.parse({ slotId: "slot_a", name: "Ada", email: "a@b.co", phone: " " });
    expect(parsed.phone).toBeUndefined();
  });

  it("takes a national number as people type it, as its digits, for the server to read in the widget's country", () => {
    expect(phoneSchema.parse("0151 23456789")).toBe("015123456789");
    expect(phoneSchema.parse("(030) 901820")).toBe("030901820");
    expect(phoneSchema.parse("98765-43210")).toBe("9876543210");
    expect(phoneSchema.parse(" 011 44 20 7946 0958 ")).toBe("011442079460958");
  });

  it("gives one issue per value that cannot be a number: too long, too few digits, letters, a bare +", () => {
    expect(issues(phoneSchema.safeParse("+1".padEnd(45, "5")))).toEqual([
      { code: "too_big", message: "Enter a valid phone number" },
    ]);
    for (const typed of ["12", "+12345", "0151 CALL ME", "+", "1".repeat(21)])
      expect(issues(phoneSchema.safeParse(typed)), typed).toEqual([{ code: "custom", message: PHONE_NOT_A_NUMBER }]);
    expect(PHONE_NOT_A_NUMBER).toBe("Enter a valid phone number, e.g. +44 20 7946 0958");
    expect(phoneSchema.safeParse(5).success).toBe(false);
  });

  it("words the server's refusal with the country's example, or asks for the country code", () => {
    expect(phoneFormatMessage({ name: "Germany", example: "01512 3456789" })).toBe(
      "Enter a valid phone number from Germany, or one with its country code (+…), e.g. 01512 3456789",
    );
    expect(phoneFormatMessage()).toBe(PHONE_NEEDS_COUNTRY_CODE);
    // Every message ends in its example: the widget's translations keep it from there.
    for (const message of [PHONE_NOT_A_NUMBER, PHONE_NEEDS_COUNTRY_CODE])
      expect(message.split("e.g. ")[1]).toBe("+44 20 7946 0958");
  });
});

describe("timeZoneSchema", () => {
  it("accepts zones Intl knows and reports every problem of a bad one", () => {
    expect(timeZoneSchema.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(issues(timeZoneSchema.safeParse("Mars/Base"))).toEqual([{ code: "custom", message: "Unknown time zone" }]);
    expect(issues(timeZoneSchema.safeParse("x".repeat(70)))?.map((i) => i.code)).toEqual(["too_big", "custom"]);
  });
});
