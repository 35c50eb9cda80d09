/** @module Calendar arithmetic in a time zone: "the same wall-clock time N days later", across DST changes. */

function wallClock(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  // The wall-clock reading expressed as if it were UTC, so two readings can be subtracted.
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"), instant % 1000);
}

/**
 * The instant `days` calendar days after `iso` at the same wall-clock time in `timeZone`
 * (10:00 in Berlin stays 10:00 across the switch to summer time). A wall time that does not
 * exist that day (inside a DST gap) moves forward by the gap, as calendars do.
 * @example addLocalDays("2026-03-28T09:00:00.000Z", 1, "Europe/Berlin") // "2026-03-29T08:00:00.000Z"
 */
export function addLocalDays(iso: string, days: number, timeZone: string): string {
  const start = Date.parse(iso);
  const target = wallClock(start, timeZone) + days * 86_400_000;
  // Offset at a first guess, then at the corrected guess: two steps settle any single DST change.
  let instant = target - (wallClock(target, timeZone) - target);
  instant = target - (wallClock(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}
