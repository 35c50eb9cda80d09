/** @module Admin widget fields stored in one form: origins as browsers send them, URLs as new URL() writes them, country codes upper-cased. */
import { describe, expect, it } from "vitest";
import { originSchema, widgetCreateSchema, widgetUpdateSchema } from "./widget-admin.js";

describe("originSchema", () => {
  it("normalises to the browser's form", () => {
    expect(originSchema.parse(" https://School.Example/ ")).toBe("https://school.example");
    expect(originSchema.parse("https://example.com:443")).toBe("https://example.com");
    expect(originSchema.parse("http://localhost:3000")).toBe("http://localhost:3000");
    expect(originSchema.parse("*")).toBe("*");
  });

  it("refuses what no browser sends as an origin", () => {
    for (const bad of [
      "https://user@example.com",
      "https://example.com/path",
      "https://example.com?x=1",
      "ftp://example.com",
      "example.com",
      "",
    ]) {
      expect(originSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("redirectUrl", () => {
  it("is stored the way new URL() writes it, so readers that check for https?:// see it", () => {
    expect(widgetCreateSchema.parse({ title: "T", redirectUrl: "HTTPS://Example.com/Thanks" }).redirectUrl).toBe(
      "https://example.com/Thanks",
    );
    expect(widgetUpdateSchema.parse({ redirectUrl: " Http://EXAMPLE.com:80/a?b=C " }).redirectUrl).toBe(
      "http://example.com/a?b=C",
    );
    expect(widgetUpdateSchema.parse({ redirectUrl: null }).redirectUrl).toBeNull();
  });

  it("still refuses what is not an http(s) URL", () => {
    for (const bad of ["javascript:alert(1)", "ftp://example.com/x", "http:example.com", "example.com/thanks"]) {
      expect(widgetUpdateSchema.safeParse({ redirectUrl: bad }).success, bad).toBe(false);
    }
  });
});

describe("location and organizer", () => {
  it("take an address or a link, and a named organiser with a lower-cased address", () => {
    const created = widgetCreateSchema.parse({
      title: "T",
      location: { kind: "online", url: "HTTPS://Meet.Example/abc" },
      organizer: { name: " Lucía ", email: " Lucia@Escuela.Test " },
    });
    expect(created.location).toEqual({ kind: "online", url: "https://meet.example/abc" });
    expect(created.organizer).toEqual({ name: "Lucía", email: "lucia@escuela.test" });
    expect(
      widgetCreateSchema.parse({ title: "T", location: { kind: "in_person", address: "Calle Mayor 1" } }).location,
    ).toEqual({ kind: "in_person", address: "Calle Mayor 1" });
    expect(widgetUpdateSchema.parse({ location: null, organizer: null })).toEqual({ location: null, organizer: null });
  });

  it("refuses a location without its part, another kind, and an organiser without a valid address", () => {
    for (const location of [
      { kind: "in_person" },
      { kind: "online", url: "javascript:alert(1)" },
      { kind: "moon", address: "x" },
      { kind: "in_person", address: " " },
    ]) {
      expect(widgetCreateSchema.safeParse({ title: "T", location }).success, JSON.stringify(location)).toBe(false);
    }
    expect(widgetCreateSchema.safeParse({ title: "T", organizer: { name: "L", email: "nope" } }).success).toBe(false);
    expect(widgetCreateSchema.safeParse({ title: "T", organizer: { email: "a@b.co" } }).success).toBe(false);
  });
});

describe("phoneCountry", () => {
  it("is a two-letter country code, upper-cased; left out on create, cleared with null on update", () => {
    expect(widgetCreateSchema.parse({ title: "T", phoneCountry: " de " }).phoneCountry).toBe("DE");
    expect(widgetCreateSchema.parse({ title: "T" })).not.toHaveProperty("phoneCountry");
    expect(widgetUpdateSchema.parse({ phoneCountry: "in" }).phoneCountry).toBe("IN");
    expect(widgetUpdateSchema.parse({ phoneCountry: null }).phoneCountry).toBeNull();
  });

  it("refuses what is not a two-letter code, with the format in the message", () => {
    for (const bad of ["DEU", "D", "49", "Germany", ""]) {
      const result = widgetCreateSchema.safeParse({ title: "T", phoneCountry: bad });
      expect(
        result.error?.issues.map((i) => i.message),
        bad,
      ).toEqual(["Use a two-letter country code like DE (ISO 3166-1)"]);
    }
  });
});
