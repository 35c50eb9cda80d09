/** @module Allowed origins are stored exactly as browsers send the Origin header; redirect URLs as new URL() writes them. */
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
