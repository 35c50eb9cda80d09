/** @module Allowed origins are stored exactly as browsers send the Origin header. */
import { describe, expect, it } from "vitest";
import { originSchema } from "./widget-admin.js";

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
