/** @module Showing slot times in the visitor's time zone and conventions, in the widget's language, with `Intl` only. */
import type { Slot } from "../sdk/schemas/slot.js";

/** Slots of one calendar day in the visitor's zone. */
export interface SlotDay {
  /** `YYYY-MM-DD` in the visitor's zone. */
  key: string;
  slots: Slot[];
}

/** The visitor's IANA time zone as the browser reports it. */
export function visitorTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Group sorted slots by their local calendar day, keeping the order. */
export function groupByDay(slots: Slot[], timeZone: string): SlotDay[] {
  // en-CA formats dates as YYYY-MM-DD, which sorts and compares as text.
  const keyOf = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const key = keyOf.format(new Date(slot.startsAt));
    const last = days[days.length - 1];
    if (last?.key === key) last.slots.push(slot);
    else days.push({ key, slots: [slot] });
  }
  return days;
}

/** The first day that still has a free seat, so the visitor sees a choosable time at once. */
export function firstOpenDay(slots: Slot[], timeZone: string): string | undefined {
  return groupByDay(slots, timeZone).find((d) => d.slots.some((s) => s.remaining > 0))?.key;
}

/**
 * A formatter for the visitor's zone and conventions: the widget's language (`locale`, for month and day names) with
 * the visitor's region (`navigator.language`, for the date order) and clock, so an English widget shows a UK or
 * German visitor 14:00 and a US visitor 2:00 PM. The clock is asked of the browser's own locale too: a region
 * `Intl` has no data for in this language (`en-FR`) still gets the visitor's 24-hour clock.
 */
export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  // A browser started under LANG=C says "C" (WebKitGTK does), which is no language tag: then the widget's own.
  let visitor = locale;
  try {
    visitor = new Intl.Locale(navigator.language).baseName;
  } catch {}
  return new Intl.DateTimeFormat(new Intl.Locale(locale, { region: new Intl.Locale(visitor).maximize().region }), {
    hourCycle: new Intl.DateTimeFormat(visitor, { hour: "numeric" }).resolvedOptions().hourCycle,
    ...options,
    timeZone,
  });
}

/**
 * The slot as one line of text, e.g. "Tuesday, December 1, 2026, 2:00 – 3:00 PM".
 * @example formatSlot(slot, "en", "Europe/Berlin")
 */
export function formatSlot(slot: Pick<Slot, "startsAt" | "endsAt">, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, { dateStyle: "full", timeStyle: "short" }).formatRange(
    new Date(slot.startsAt),
    new Date(slot.endsAt),
  );
}

/**
 * The zone's name in the visitor's language: "Central European Time", or "Coordinated Universal Time" for UTC,
 * where the generic name is only an offset; the IANA id when the runtime has no name at all.
 */
export function zoneName(locale: string, timeZone: string, at: Date): string {
  for (const timeZoneName of ["longGeneric", "long"] as const) {
    const parts = dateFormat(locale, timeZone, { timeZoneName }).formatToParts(at);
    const name = parts.find((part) => part.type === "timeZoneName")?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return timeZone;
}
