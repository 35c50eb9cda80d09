/**
 * @module A weekly series as the slots it makes: every chosen weekday from the first day to the last, at one
 * wall-clock time in the widget's zone (10:00 stays 10:00 across DST), split into requests of at most 500.
 */
import type { SlotInput } from "../../../sdk/schemas/slot-admin.js";
import { fromWallClock } from "../../../sdk/time/local-days.js";
import { addDays, isDayKey, readingOf, weekdayOf } from "./calendar-days.js";

/** What the series form holds. */
export interface Series {
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  weekdays: number[];
  /** First and last day of the series, `YYYY-MM-DD`, both included. */
  from: string;
  until: string;
  /** Wall-clock start, `HH:MM`. */
  time: string;
  durationMinutes: number;
  capacity: number;
  label?: string | undefined;
}

/** 500 slots: the most `POST /v1/admin/widgets/{id}/slots` takes at once (slotCreateSchema). */
export const SLOTS_PER_REQUEST = 500;
/** 2,000 classes: five years of weekday classes; a longer series is a typo in the year. */
export const MAX_SERIES = 2000;

/**
 * The slots of `series` in `timeZone` that start after `now`; at most `MAX_SERIES + 1`, so a caller can tell that
 * there are too many without making them all; none while a day or the time is not a valid one yet. A start inside a DST gap moves forward by the gap; the duration is
 * real time, so a class across the autumn change still lasts its 60 minutes.
 * @example expandSeries({ weekdays: [1, 3], from: "2026-03-23", until: "2026-04-03", time: "10:00", … }, "Europe/Berlin", now)
 */
export function expandSeries(series: Series, timeZone: string, now: Date): SlotInput[] {
  // The form checks each value; half-typed ones make no slots rather than throwing.
  if (!isDayKey(series.from) || !isDayKey(series.until) || !/^\d\d:\d\d$/.test(series.time)) return [];
  const [hours, minutes] = series.time.split(":").map(Number) as [number, number];
  const offset = (hours * 60 + minutes) * 60_000;
  const wanted = new Set(series.weekdays);
  const slots: SlotInput[] = [];
  const label = series.label?.trim();
  for (let day = series.from; day <= series.until && slots.length <= MAX_SERIES; day = addDays(day, 1)) {
    if (!wanted.has(weekdayOf(day))) continue;
    const start = fromWallClock(readingOf(day) + offset, timeZone);
    if (start <= now.getTime()) continue;
    slots.push({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + series.durationMinutes * 60_000).toISOString(),
      capacity: series.capacity,
      ...(label && { label }),
    });
  }
  return slots;
}

/** `items` in runs of at most `size`, for one request each. */
export function chunks<T>(items: T[], size = SLOTS_PER_REQUEST): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}
