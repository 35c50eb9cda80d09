/** @module Unit tests of `resolveOptions`: what a bad option says at once, and the defaults it fills in. */
import { describe, expect, it } from "vitest";
import { resolveOptions } from "./options.js";

describe("resolveOptions", () => {
  it("refuses a widget that is not a widget id", () => {
    expect(() => resolveOptions({ widget: "demo" })).toThrow(/widget must be a widget id like "wgt_demo", got "demo"/);
  });

  it.each([
    "book.example.com",
    "ftp://book.example.com",
    "https://book.example.com/?x=1",
    "https://book.example.com/#a",
  ])("refuses the API base %s", (api) => {
    expect(() => resolveOptions({ widget: "wgt_demo", api })).toThrow(TypeError);
  });

  it("takes an http(s) base without its trailing slashes, and fills the defaults", () => {
    const resolved = resolveOptions({ widget: "wgt_demo", api: "https://book.example.com/slotbook//" });
    expect(resolved).toMatchObject({ widgetId: "wgt_demo", api: "https://book.example.com/slotbook", theme: {} });
    expect(resolved.timeZone).toBeTruthy();
  });
});
