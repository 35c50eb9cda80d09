/** @module The arithmetic behind the console's charts: a round axis maximum, its ticks, and bars laid out in a box. */

/**
 * The axis maximum for counts up to `max`: four times a "round" step (1, 2, 2.5 or 5 times a power of ten, whole), so
 * the four gridlines read 0, 2, 4, 6, 8 or 0, 50, 100 …; at least 4 (steps of 1 on an empty chart).
 * @example niceMax(37) // 40 (steps of 10)
 */
export function niceMax(max: number): number {
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * power;
    if (Number.isInteger(step) && step >= raw) return step * 4;
  }
  return 40 * power;
}

/** The gridlines: four equal steps from 0 to `max` (whole numbers when `max` comes from niceMax). */
export function ticks(max: number): number[] {
  return [0, 1, 2, 3, 4].map((i) => (max * i) / 4);
}

/** One day's bar: where it is, and its two parts (kept, then cancelled on top). */
export interface Bar {
  day: string;
  bookings: number;
  cancelled: number;
  x: number;
  width: number;
  /** Top and height of the whole bar (every booking made that day). */
  y: number;
  height: number;
  /** Height of the cancelled part, drawn at the top of the bar. */
  cancelledHeight: number;
}

/** The plot box of a chart, in SVG units. */
export interface Box {
  width: number;
  height: number;
  /** Gap between bars as a share of each bar's slot (0.25: a quarter). */
  gap?: number;
}

/**
 * Bars for bookings per day in `box`: equal slots left to right, heights against `max` (niceMax of the data), a bar
 * of at least 1 unit for any day with a booking so it is never invisible.
 */
export function barLayout(
  days: readonly { day: string; bookings: number; cancelled: number }[],
  box: Box,
): { bars: Bar[]; max: number } {
  const max = niceMax(Math.max(0, ...days.map((d) => d.bookings)));
  const slot = days.length ? box.width / days.length : 0;
  const gap = slot * (box.gap ?? 0.25);
  const bars = days.map((d, i) => {
    const height = d.bookings > 0 ? Math.max(1, (d.bookings / max) * box.height) : 0;
    const cancelledHeight = d.bookings > 0 ? (Math.min(d.cancelled, d.bookings) / d.bookings) * height : 0;
    return {
      day: d.day,
      bookings: d.bookings,
      cancelled: d.cancelled,
      x: i * slot + gap / 2,
      width: Math.max(0.5, slot - gap),
      y: box.height - height,
      height,
      cancelledHeight,
    };
  });
  return { bars, max };
}

/** Which of `count` x-axis labels to print so that about `room` fit: always the first and the last. */
export function labelEvery(count: number, room: number): (index: number) => boolean {
  const every = Math.max(1, Math.ceil(count / Math.max(1, room)));
  return (index) => index === count - 1 || (index % every === 0 && count - 1 - index >= every / 2);
}

/** A share as a whole percentage, or "–" without a base: `percent(3, 4)` → "75%". */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";
}
