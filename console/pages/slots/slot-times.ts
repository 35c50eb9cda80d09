/**
 * @module How the Slots page writes days and times: in the widget's time zone (where the classes happen), in the
 * browser's conventions (its clock, its date order), the console's language being English.
 */
import { readingOf } from "./calendar-days.js";

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter: the week calendar formats hundreds of times per render. */
function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, found);
  }
  return found;
}

/** "10:00" (or "10:00 AM") in `timeZone`. */
export function timeOf(iso: string, timeZone: string): string {
  return format(`t${timeZone}`, { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "10:00 – 11:00" (or "10:00 – 11:00 AM") in `timeZone`. */
export function timeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return format(`t${timeZone}`, { timeZone, hour: "2-digit", minute: "2-digit" }).formatRange(
    new Date(startsAt),
    new Date(endsAt),
  );
}

/** A calendar day as written in the calendar: `short` "Mon 23", `long` "Monday, 23 March 2026". */
export function dayLabel(day: string, style: "short" | "long" | "weekday"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short"
      ? { weekday: "short", day: "numeric" }
      : style === "weekday"
        ? { weekday: "short" }
        : { weekday: "long", day: "numeric", month: "long", year: "numeric" };
  // The day's own midnight read in UTC: a date, whatever zone the browser is in.
  return format(`d${style}`, { ...options, timeZone: "UTC" }).format(readingOf(day));
}

/** "23 – 29 March 2026", "30 March – 5 April 2026", "28 December 2026 – 3 January 2027". */
export function weekLabel(monday: string, sunday: string): string {
  return format("range", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatRange(
    readingOf(monday),
    readingOf(sunday),
  );
}

/** "10:00" for an hour of the calendar's rows. */
export function hourLabel(hour: number): string {
  return format("h", { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(Date.UTC(2000, 0, 1, hour));
}
