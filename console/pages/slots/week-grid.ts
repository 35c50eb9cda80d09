/**
 * @module Where each slot goes in the week calendar: the column of its day and the row of its starting hour in the
 * widget's time zone (so 10:00 classes line up across the week, DST or not), and the day list a phone shows instead.
 */
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { wallClock } from "../../../sdk/time/local-days.js";
import { addDays, dayKeyOf } from "./calendar-days.js";

/** One day column. */
export interface WeekDay {
  /** `YYYY-MM-DD` in the widget's zone. */
  day: string;
  isToday: boolean;
  /** The day's slots, by start. */
  slots: AdminSlot[];
}

/** The week as the calendar draws it. */
export interface WeekGrid {
  /** Monday to Sunday. */
  days: WeekDay[];
  /** The hours (0–23, local) at which at least one slot of the week starts, in order: the calendar's rows. */
  hours: number[];
  /** `cells[row][column]`: the slots of `days[column]` that start in hour `hours[row]`. */
  cells: AdminSlot[][][];
}

/**
 * The week from `monday` in `timeZone`, with `slots` in it (others are left out).
 * @example weekGrid(slots, "2026-03-23", "Europe/Berlin", "2026-03-25")
 */
export function weekGrid(slots: AdminSlot[], monday: string, timeZone: string, today: string): WeekGrid {
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(monday, i);
    return { day, isToday: day === today, slots: [] };
  });
  const placed = new Map<AdminSlot, { column: number; hour: number }>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const reading = wallClock(Date.parse(slot.startsAt), timeZone);
    const column = days.findIndex((d) => d.day === dayKeyOf(reading));
    if (column < 0) continue;
    days[column]!.slots.push(slot);
    placed.set(slot, { column, hour: new Date(reading).getUTCHours() });
  }
  const hours = [...new Set([...placed.values()].map((p) => p.hour))].sort((a, b) => a - b);
  const cells = hours.map(() => days.map((): AdminSlot[] => []));
  for (const [slot, { column, hour }] of placed) cells[hours.indexOf(hour)]![column]!.push(slot);
  return { days, hours, cells };
}
