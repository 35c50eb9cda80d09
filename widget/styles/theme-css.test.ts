/** @module The per-widget theme sheet: readable text on the accent, and nothing but checked values in the CSS. */
import { describe, expect, it } from "vitest";
import { themeCss } from "./theme-css.js";

describe("themeCss", () => {
  it("puts white text on dark accents and near-black on light ones", () => {
    expect(themeCss({ accent: "#4f46e5", radius: 12 })).toBe(":host{--sb-a:#4f46e5;--sb-on:#fff;--sb-r:12px}");
    expect(themeCss({ accent: "#fde047", radius: 0 })).toContain("--sb-on:#111");
    expect(themeCss({ accent: "#0f766e", radius: 8 })).toContain("--sb-on:#fff");
  });

  it("never lets a value that is not a colour or a radius into the CSS", () => {
    const css = themeCss({ accent: "red;}body{display:none" as string, radius: 999 });
    expect(css).toBe(":host{--sb-a:#4f46e5;--sb-on:#fff;--sb-r:24px}");
  });
});
