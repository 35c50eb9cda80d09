/** @module A class time as an email shows it: the date, the time range and the zone by name, in the reader's language. */
import type { TimeRange } from "./email-facts.js";

/** The parts of a formatted class time. */
export interface FormattedTime {
  /** e.g. "Tuesday, December 1, 2026" */
  date: string;
  /** e.g. "3:00 – 3:45 PM" */
  time: string;
  /** e.g. "Central European Standard Time (Europe/Madrid)": the name and the zone id, so nobody guesses. */
  zone: string;
  /** Date and start time on one line, for subjects: "Dec 1, 2026, 3:00 PM". */
  short: string;
}

/** Formats `range` in `timeZone` for `locale`; an unknown zone falls back to UTC rather than failing a send. */
export function formatTime(range: TimeRange, locale: string, timeZone: string): FormattedTime {
  const zone = safeZone(timeZone);
  const start = new Date(range.startsAt);
  const end = new Date(range.endsAt);
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "long" })
    .formatToParts(start)
    .find((part) => part.type === "timeZoneName")?.value;
  return {
    date: new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "full" }).format(start),
    time: new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: "short" }).formatRange(start, end),
    zone: name && name !== zone ? `${name} (${zone})` : zone,
    short: new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "medium", timeStyle: "short" }).format(start),
  };
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
