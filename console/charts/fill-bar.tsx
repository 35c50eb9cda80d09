/** @module A thin horizontal bar for a share (seats filled, a funnel step): SVG, so its width needs no inline style. */
import { h } from "preact";

/** The share `value / max` as a bar, hidden from screen readers: the text beside it says the numbers. */
export function FillBar({ value, max, tone = "accent" }: { value: number; max: number; tone?: "accent" | "full" }) {
  const width = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <svg
      class={`fill-bar fill-${tone}`}
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="fill-track" width="100" height="8" />
      {width > 0 && <rect class="fill-value" width={Math.max(width, 3)} height="8" />}
    </svg>
  );
}
