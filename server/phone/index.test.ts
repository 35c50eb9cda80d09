/** @module Phone numbers on the server: a zone's country, E.164 from what visitors type, and the example shown. */
import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../sdk/schemas/phone.js";
import { countryOfZone, hasNumberingPlan, phoneExample, phoneIssue, toE164 } from "./index.js";

/** What the server gets after the contract's schema cleaned the visitor's input. */
const e164 = (typed: string, country?: string) => toE164(normalizePhone(typed)!, country);

describe("countryOfZone", () => {
  it("gives the country of the zones people use, under their old and new names", () => {
    expect(countryOfZone("Europe/Berlin")).toBe("DE");
    expect(countryOfZone("America/New_York")).toBe("US");
    expect(countryOfZone("America/Los_Angeles")).toBe("US");
    expect(countryOfZone("Asia/Kolkata")).toBe("IN");
    expect(countryOfZone("Asia/Calcutta")).toBe("IN");
    expect(countryOfZone("Europe/Kyiv")).toBe("UA");
    expect(countryOfZone("Asia/Ho_Chi_Minh")).toBe("VN");
    expect(countryOfZone("America/Argentina/Buenos_Aires")).toBe("AR");
    expect(countryOfZone("Europe/London")).toBe("GB");
    expect(countryOfZone("America/Sao_Paulo")).toBe("BR");
    expect(countryOfZone("Australia/Sydney")).toBe("AU");
    expect(countryOfZone("US/Eastern")).toBe("US");
  });

  it("gives none for zones of no country", () => {
    expect(countryOfZone("UTC")).toBeUndefined();
    expect(countryOfZone("Etc/GMT+5")).toBeUndefined();
    expect(countryOfZone("Antarctica/Troll")).toBeUndefined();
  });

  it("knows the country of nearly every zone Intl lists, each one with a numbering plan", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const countries = zones.map(countryOfZone);
    // The rest are Antarctic stations and uninhabited islands (15 of 418 in Node 20's ICU).
    expect(countries.filter(Boolean).length / zones.length).toBeGreaterThan(0.95);
    for (const country of countries) if (country) expect(hasNumberingPlan(country)).toBe(true);
  });
});

describe("toE164", () => {
  it("reads a national number in the widget's country", () => {
    expect(e164("0151 23456789", "DE")).toBe("+4915123456789");
    expect(e164("(030) 901820", "DE")).toBe("+4930901820");
    expect(e164("(201) 555-0123", "US")).toBe("+12015550123");
    expect(e164("098765 43210", "IN")).toBe("+919876543210");
    expect(e164("06 12 34 56 78", "FR")).toBe("+33612345678");
  });

  it("takes an international number whatever the country, and with none", () => {
    expect(e164("+44 20 7946 0958", "DE")).toBe("+442079460958");
    expect(e164("0044 20 7946 0958", "US")).toBe("+442079460958");
    expect(e164("+49 1512 3456789")).toBe("+4915123456789");
    expect(e164("+1 202 555 0147", "IN")).toBe("+12025550147");
  });

  it("refuses what cannot be valid: a digit short, an unused range, a national number without a country", () => {
    expect(e164("0151 2345678", "DE")).toBeUndefined();
    expect(e164("0100 1234567", "DE")).toBeUndefined();
    expect(e164("+1 555 010 9999", "DE")).toBeUndefined();
    expect(e164("0151 23456789")).toBeUndefined();
    expect(e164("0151 23456789", "AQ")).toBeUndefined();
  });
});

describe("the phone field's example and issue", () => {
  it("shows an example in the country's national format", () => {
    expect(phoneExample("DE")).toBe("01512 3456789");
    expect(phoneExample("US")).toBe("(201) 555-0123");
    expect(phoneExample("IN")).toBe("081234 56789");
    expect(phoneExample(undefined)).toBeUndefined();
    expect(phoneExample("AQ")).toBeUndefined();
  });

  it("names the expected format with that example, or asks for the country code", () => {
    expect(phoneIssue("DE")).toEqual({
      path: ["phone"],
      code: "custom",
      message: "Enter a valid phone number from Germany, or one with its country code (+…), e.g. 01512 3456789",
    });
    expect(phoneIssue("IN").message).toContain("from India");
    expect(phoneIssue(undefined).message).toBe("Enter the number with its country code, e.g. +44 20 7946 0958");
    // The example of each message is a number the server itself takes.
    expect(e164(phoneExample("DE")!, "DE")).toBe("+4915123456789");
    expect(e164("+44 20 7946 0958")).toBe("+442079460958");
  });
});
