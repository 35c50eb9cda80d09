/** @module The funnel's steps from its counts: each step's number, its share of views, and of the step before. */
import type { FunnelCounts } from "../../sdk/schemas/console.js";

/** One step of the funnel as the overview shows it. */
export interface FunnelStep {
  key: keyof FunnelCounts;
  label: string;
  count: number;
  /** Share of the views, 0–1 (0 without views). */
  ofViews: number;
  /** Share of the step before, 0–1; undefined for the first step or when the one before is 0. */
  ofPrevious: number | undefined;
}

const STEPS: readonly { key: keyof FunnelCounts; label: string }[] = [
  { key: "views", label: "Saw the widget" },
  { key: "slotSelected", label: "Chose a time" },
  { key: "formStarted", label: "Started the form" },
  { key: "booked", label: "Booked" },
];

/** The four steps of `counts`, views first. */
export function funnelSteps(counts: FunnelCounts): FunnelStep[] {
  return STEPS.map(({ key, label }, i) => {
    const count = counts[key];
    const previous = i > 0 ? counts[STEPS[i - 1]!.key] : undefined;
    return {
      key,
      label,
      count,
      ofViews: counts.views > 0 ? count / counts.views : 0,
      ofPrevious: previous ? count / previous : undefined,
    };
  });
}

/** Booked per view, the funnel's conversion rate; undefined without views. */
export function conversion(counts: FunnelCounts): number | undefined {
  return counts.views > 0 ? counts.booked / counts.views : undefined;
}
