/** @module The per-widget part of the stylesheet: accent, text on accent, and corner radius from the widget's config. */
import type { Theme } from "../../sdk/schemas/widget-admin.js";

const DEFAULT_ACCENT = "#4f46e5";

/** Relative luminance of `#rrggbb` (WCAG 2.2 definition). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * CSS that sets the theme's defaults on `:host`; the page's `--slotbook-*` properties still win.
 * Only values that match their pattern reach the CSS text, so config cannot inject rules.
 * @example themeCss({ accent: "#0f766e", radius: 8 }) // ":host{--sb-a:#0f766e;--sb-on:#fff;--sb-r:8px}"
 */
export function themeCss(theme: Partial<Pick<Theme, "accent" | "radius">>): string {
  const accent = /^#[0-9a-f]{6}$/i.test(theme.accent ?? "") ? theme.accent! : DEFAULT_ACCENT;
  const radius = Math.min(24, Math.max(0, Math.round(theme.radius ?? 12)));
  // White text when it contrasts better than near-black: (L1 + 0.05) / (L2 + 0.05) compared for both.
  const l = luminance(accent);
  const onAccent = 1.05 / (l + 0.05) >= (l + 0.05) / 0.0556 ? "#fff" : "#111";
  return `:host{--sb-a:${accent};--sb-on:${onAccent};--sb-r:${radius}px}`;
}
