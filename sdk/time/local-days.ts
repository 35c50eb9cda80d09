/**
 * @module Calendar arithmetic in a time zone with `Intl` only: an instant's wall-clock reading, the instant of a
 * wall-clock reading, and "the same wall-clock time N days later", across DST changes. Not contract: shared here by
 * the CLI's `slots add --repeat` and the console's week calendar and weekly series.
 */

const DAY_MS = 86_400_000;

let formatters: Map<string, Intl.DateTimeFormat> | undefined;

/** One formatter per zone: making one costs far more than using it (a year of daily slots reads ~1,500 times). */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  formatters ??= new Map();
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The wall-clock reading of `instant` in `timeZone`, expressed as if it were UTC (so readings subtract and
 * `new Date(reading).getUTCDay()` is the local weekday).
 * @example new Date(wallClock(Date.parse("2026-03-29T08:00:00Z"), "Europe/Berlin")).toISOString() // "…T10:00:00.000Z"
 */
export function wallClock(instant: number, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"), ms);
}

/**
 * The instant whose wall-clock reading in `timeZone` is `reading` (as `wallClock` writes it). A reading that does not
 * exist that day (inside a DST gap) moves forward by the gap, as calendars do; one that exists twice (the autumn
 * hour) is the later of the two.
 * @example new Date(fromWallClock(Date.UTC(2026, 2, 29, 10), "Europe/Berlin")).toISOString() // "2026-03-29T08:00:00.000Z"
 */
export function fromWallClock(reading: number, timeZone: string): number {
  // Offset at a first guess, then at the corrected guess: two steps settle any single DST change.
  let instant = reading - (wallClock(reading, timeZone) - reading);
  instant = reading - (wallClock(instant, timeZone) - instant);
  return instant;
}

/**
 * The instant `days` calendar days after `iso` at the same wall-clock time in `timeZone`
 * (10:00 in Berlin stays 10:00 across the switch to summer time). A wall time that does not
 * exist that day (inside a DST gap) moves forward by the gap, as calendars do.
 * @example addLocalDays("2026-03-28T09:00:00.000Z", 1, "Europe/Berlin") // "2026-03-29T08:00:00.000Z"
 */
export function addLocalDays(iso: string, days: number, timeZone: string): string {
  const start = Date.parse(iso);
  return new Date(fromWallClock(wallClock(start, timeZone) + days * DAY_MS, timeZone)).toISOString();
}
