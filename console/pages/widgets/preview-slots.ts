/**
 * @module The times the live preview offers: the widget's own upcoming slots as the public list shows them, or, for a
 * widget without any yet, a few sample times so the preview can still be clicked through.
 */

import type { Slot } from "../../../sdk/schemas/slot.js";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { fromWallClock, wallClock } from "../../../sdk/time/local-days.js";

const DAY_MS = 86_400_000;

/** The admin's slots as `GET /v1/widgets/{id}/slots` would list them at `now`: future, not cancelled, sorted. */
export function publicSlotsOf(slots: AdminSlot[], now: Date): Slot[] {
  return slots
    .filter((slot) => slot.status === "active" && Date.parse(slot.startsAt) > now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map(({ id, startsAt, endsAt, capacity, booked, label }) => ({
      id,
      startsAt,
      endsAt,
      capacity,
      remaining: Math.max(0, capacity - booked),
      ...(label !== undefined && { label }),
    }));
}

/**
 * Sample times for a preview without slots: 10:00 and 17:00 on the next three days in `timeZone`, an hour long, one
 * of them full, so both looks of a time show.
 */
export function sampleSlots(now: Date, timeZone: string): Slot[] {
  const today = wallClock(now.getTime(), timeZone);
  const midnight = today - (today % DAY_MS);
  const slots: Slot[] = [];
  for (let day = 1; day <= 3; day++) {
    for (const hour of [10, 17]) {
      const start = fromWallClock(midnight + day * DAY_MS + hour * 3_600_000, timeZone);
      const full = day === 1 && hour === 10;
      slots.push({
        id: `slot_sample${slots.length + 1}`,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3_600_000).toISOString(),
        capacity: 8,
        remaining: full ? 0 : 8 - day,
      });
    }
  }
  return slots;
}
