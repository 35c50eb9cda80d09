/**
 * @module Bookings per day as an SVG bar chart: `role="img"` with a `<title>` and a `<desc>` that sums it up, each bar
 * with its own tooltip, and the same numbers in a table that screen readers (and a copy-paste) get.
 */
import { h } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { barLayout, labelEvery, ticks } from "./scale.js";

/** Width before the figure is measured; the chart is then drawn at its real width, so text stays 11 px on a phone. */
const DEFAULT_WIDTH = 720;
const H = 200;
const LEFT = 32;
const BOTTOM = 24;
const TOP = 8;

/** `2026-12-01` → "1 Dec" in the browser's language (the day is a UTC date; shown as that date). */
export function dayLabel(day: string, style: "short" | "long" = "short"): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
    ...(style === "long" ? { weekday: "short", year: "numeric" } : {}),
  });
}

/** A sentence that says what the chart shows, for `<desc>`. */
export function describeDays(days: readonly { day: string; bookings: number; cancelled: number }[]): string {
  if (days.length === 0) return "No days in this period.";
  const total = days.reduce((sum, d) => sum + d.bookings, 0);
  const cancelled = days.reduce((sum, d) => sum + d.cancelled, 0);
  const span = `from ${dayLabel(days[0]!.day, "long")} to ${dayLabel(days.at(-1)!.day, "long")}`;
  if (total === 0) return `No bookings ${span}.`;
  const best = days.reduce((a, b) => (b.bookings > a.bookings ? b : a));
  return `${total} booking${total === 1 ? "" : "s"} ${span}, ${cancelled} of them cancelled since; the most on ${dayLabel(best.day, "long")} (${best.bookings}).`;
}

/** The chart. */
export function BookingsChart({
  days,
  title = "Bookings per day",
}: {
  days: readonly { day: string; bookings: number; cancelled: number }[];
  title?: string;
}) {
  const id = useId();
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = figure.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const plot = { width: width - LEFT, height: H - BOTTOM - TOP };
  const { bars, max } = barLayout(days, plot);
  // About one date label per 80 px.
  const show = labelEvery(bars.length, Math.floor(plot.width / 80));
  return (
    <figure class="chart" ref={figure}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{describeDays(days)}</desc>
        <g transform={`translate(${LEFT} ${TOP})`}>
          {ticks(max).map((tick) => {
            const y = plot.height - (tick / max) * plot.height;
            return (
              <g key={tick} class="chart-grid">
                <line x1={0} x2={plot.width} y1={y} y2={y} />
                <text x={-8} y={y} dy="0.32em" text-anchor="end">
                  {tick}
                </text>
              </g>
            );
          })}
          {bars.map((bar, i) => (
            <g key={bar.day} class="chart-bar">
              <title>{`${dayLabel(bar.day, "long")}: ${bar.bookings} booked${bar.cancelled ? `, ${bar.cancelled} cancelled since` : ""}`}</title>
              {/* A full-height hit area so the tooltip shows over empty days too. */}
              <rect class="chart-hit" x={bar.x} y={0} width={bar.width} height={plot.height} />
              {bar.height > 0 && (
                <rect class="chart-kept" x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={2} />
              )}
              {bar.cancelledHeight > 0 && (
                <rect
                  class="chart-cancelled"
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.cancelledHeight}
                  rx={2}
                />
              )}
              {show(i) && (
                <text class="chart-x" x={bar.x + bar.width / 2} y={plot.height + 16} text-anchor="middle">
                  {dayLabel(bar.day)}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
      <figcaption class="chart-legend">
        <span class="legend-item">
          <span class="legend-swatch legend-kept" aria-hidden="true" />
          Booked
        </span>
        <span class="legend-item">
          <span class="legend-swatch legend-cancelled" aria-hidden="true" />
          Cancelled since
        </span>
      </figcaption>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Booked</th>
            <th scope="col">Cancelled since</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{dayLabel(d.day, "long")}</th>
              <td>{d.bookings}</td>
              <td>{d.cancelled}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
