/**
 * @module One slot in the week calendar: a button with its time, label and booked seats over capacity, and a fill
 * bar drawn in SVG (its width an attribute, so no inline style under the console's CSP).
 */
import { h } from "preact";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { dayLabel, timeRange } from "./slot-times.js";

/** The slot's button; `day` is its calendar day in the widget's zone, read out before the time. */
export function SlotBlock({
  slot,
  day,
  timeZone,
  now,
  onOpen,
}: {
  slot: AdminSlot;
  day: string;
  timeZone: string;
  now: number;
  onOpen: (slot: AdminSlot) => void;
}) {
  const cancelled = slot.status === "cancelled";
  const past = Date.parse(slot.startsAt) <= now;
  const full = !cancelled && slot.booked >= slot.capacity;
  const share = slot.capacity > 0 ? Math.min(1, slot.booked / slot.capacity) : 0;
  const state = cancelled ? " is-cancelled" : past ? " is-past" : full ? " is-full" : "";
  return (
    <button type="button" class={`slot-block${state}`} data-slot={slot.id} onClick={() => onOpen(slot)}>
      <span class="visually-hidden">{dayLabel(day, "long")}, </span>
      <span class="slot-time">{timeRange(slot.startsAt, slot.endsAt, timeZone)}</span>
      {slot.label && <span class="slot-label">{slot.label}</span>}
      <span class="slot-seats">
        {cancelled ? "Cancelled" : `${slot.booked}/${slot.capacity} booked`}
        {full && !past && <span class="visually-hidden">, full</span>}
        {past && !cancelled && <span class="visually-hidden">, past</span>}
      </span>
      {!cancelled && (
        <svg class="slot-fill" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect class="slot-fill-track" width="100" height="4" rx="2" />
          <rect class="slot-fill-bar" width={Math.round(share * 100)} height="4" rx="2" />
        </svg>
      )}
    </button>
  );
}
