/**
 * @module Calendar days as `YYYY-MM-DD` text, the way the week calendar and the slot forms name them: today in a
 * zone, the Monday of a week, a day N days on, the weekday. Dates alone, so no time zone can shift them.
 */
import { wallClock } from "../../../sdk/time/local-days.js";

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a wall-clock reading (`wallClock`'s UTC-as-local milliseconds). */
export function dayKeyOf(reading: number): string {
  return new Date(reading).toISOString().slice(0, 10);
}

/** Midnight of a day as a reading, `Date.UTC` of its fields. */
export function readingOf(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** The calendar day `instant` falls on in `timeZone`. */
export function dayIn(instant: number | Date, timeZone: string): string {
  return dayKeyOf(wallClock(typeof instant === "number" ? instant : instant.getTime(), timeZone));
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return dayKeyOf(readingOf(day) + days * DAY_MS);
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  return ((new Date(readingOf(day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week `day` is in (weeks run Monday to Sunday, ISO 8601). */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (no 31 April). */
export function isDayKey(value: string): boolean {
  return /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(readingOf(value)) && dayKeyOf(readingOf(value)) === value;
}
