/** @module The charts' arithmetic and the bookings chart as rendered: bars from data, and the accessible parts. */
import { h, render } from "preact";
import { describe, expect, it } from "vitest";
import { BookingsChart, describeDays } from "./bar-chart.js";
import { conversion, funnelSteps } from "./funnel.js";
import { barLayout, labelEvery, niceMax, percent, ticks } from "./scale.js";

const days = [
  { day: "2026-12-01", bookings: 0, cancelled: 0 },
  { day: "2026-12-02", bookings: 8, cancelled: 2 },
  { day: "2026-12-03", bookings: 3, cancelled: 0 },
  { day: "2026-12-04", bookings: 1, cancelled: 1 },
];

describe("chart scale", () => {
  it("rounds the axis up to four whole round steps", () => {
    expect(niceMax(0)).toBe(4);
    expect(niceMax(3)).toBe(4);
    expect(niceMax(8)).toBe(8);
    expect(niceMax(37)).toBe(40);
    expect(niceMax(90)).toBe(100);
    expect(niceMax(120)).toBe(200);
    expect(niceMax(250)).toBe(400);
    expect(ticks(8)).toEqual([0, 2, 4, 6, 8]);
    for (const max of [1, 7, 19, 33, 61, 99, 123, 999, 4321]) {
      expect(ticks(niceMax(max)).every(Number.isInteger), String(max)).toBe(true);
      expect(niceMax(max)).toBeGreaterThanOrEqual(max);
    }
  });

  it("lays bars out left to right, heights against the axis, cancelled on top", () => {
    const { bars, max } = barLayout(days, { width: 400, height: 100, gap: 0.5 });
    expect(max).toBe(8);
    expect(bars.map((b) => b.x)).toEqual([25, 125, 225, 325]);
    expect(bars.every((b) => b.width === 50)).toBe(true);
    expect(bars.map((b) => b.height)).toEqual([0, 100, 37.5, 12.5]);
    expect(bars.map((b) => b.y)).toEqual([100, 0, 62.5, 87.5]);
    expect(bars.map((b) => b.cancelledHeight)).toEqual([0, 25, 0, 12.5]);
  });

  it("keeps a day with one booking among hundreds visible", () => {
    const { bars } = barLayout(
      [
        { day: "a", bookings: 1000, cancelled: 0 },
        { day: "b", bookings: 1, cancelled: 0 },
      ],
      { width: 100, height: 100 },
    );
    expect(bars[1]!.height).toBe(1);
  });

  it("labels about as many days as fit, always the last", () => {
    const show = labelEvery(30, 8);
    const shown = Array.from({ length: 30 }, (_, i) => i).filter(show);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(29);
    expect(Array.from({ length: 5 }, (_, i) => i).filter(labelEvery(5, 8))).toEqual([0, 1, 2, 3, 4]);
  });

  it("writes shares as percentages, and none without a base", () => {
    expect(percent(1, 3)).toBe("33%");
    expect(percent(0, 0)).toBe("–");
  });
});

describe("funnel", () => {
  it("gives each step its count, share of views and of the step before", () => {
    const steps = funnelSteps({ views: 200, slotSelected: 50, formStarted: 20, booked: 10 });
    expect(steps.map((s) => [s.key, s.count, s.ofViews, s.ofPrevious])).toEqual([
      ["views", 200, 1, undefined],
      ["slotSelected", 50, 0.25, 0.25],
      ["formStarted", 20, 0.1, 0.4],
      ["booked", 10, 0.05, 0.5],
    ]);
    expect(conversion({ views: 200, slotSelected: 50, formStarted: 20, booked: 10 })).toBe(0.05);
    expect(conversion({ views: 0, slotSelected: 0, formStarted: 0, booked: 2 })).toBeUndefined();
    expect(funnelSteps({ views: 0, slotSelected: 0, formStarted: 0, booked: 0 })[1]!.ofPrevious).toBeUndefined();
  });
});

describe("bookings chart", () => {
  it("is an image with a title and a summary, and the same numbers in a table", () => {
    const root = document.createElement("div");
    render(<BookingsChart days={days} />, root);
    const svg = root.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(root.querySelector(`[id="${titleId}"]`)!.textContent).toBe("Bookings per day");
    const desc = root.querySelector(`[id="${descId}"]`)!.textContent!;
    expect(desc).toContain("12 bookings");
    expect(desc).toContain("3 of them cancelled since");
    expect(root.querySelectorAll("rect.chart-kept")).toHaveLength(3);
    expect(root.querySelectorAll("rect.chart-cancelled")).toHaveLength(2);
    const rows = [...root.querySelectorAll("table tbody tr")].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(1)).toEqual(["8", "2"]);
    expect(root.querySelector("table th[scope=row]")).not.toBeNull();
    expect(root.querySelectorAll("table thead th[scope=col]")).toHaveLength(3);
  });

  it("says so when there were no bookings", () => {
    expect(describeDays(days.map((d) => ({ ...d, bookings: 0, cancelled: 0 })))).toMatch(/^No bookings from /);
    expect(describeDays([])).toBe("No days in this period.");
  });
});
