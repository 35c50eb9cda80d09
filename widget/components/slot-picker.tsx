/** @module Step one: a day, then a time on it, in the visitor's zone, with the seats each time has left. */
import { Fragment, h } from "preact";
import type { Slot } from "../../sdk/schemas/slot.js";
import type { PickStep } from "../flow/booking-flow.js";
import { dateFormat, groupByDay, zoneName } from "../format-slot-time.js";
import type { Messages } from "../i18n/en.js";
import { fill } from "../i18n/messages.js";
import { GLOBE } from "./icons.js";
import { Notice } from "./notice.js";
import { RadioGroup } from "./radio-group.js";

interface Props {
  step: PickStep;
  timeZone: string;
  onDay: (key: string) => void;
  onSlot: (slot: Slot) => void;
  /** Goes on to the form; the button is enabled once a time is chosen. */
  onNext: () => void;
}

/** Seats left, or "Full". */
function seats(t: Messages, slot: Slot): string {
  if (slot.remaining <= 0) return t.full;
  return slot.remaining === 1 ? t.seatsOne : fill(t.seatsMany, { n: slot.remaining });
}

/** The day and time radio groups; days without a free seat stay visible but cannot be chosen. */
export function SlotPicker({ step, timeZone, onDay, onSlot, onNext }: Props) {
  const { t, locale, dayKey, slot, notice } = step;
  const days = groupByDay(step.slots, timeZone);
  const slotId = slot?.id;
  if (days.length === 0) return <p class="empty">{t.none}</p>;
  const weekday = dateFormat(locale, timeZone, { weekday: "short" });
  const dayNumber = dateFormat(locale, timeZone, { day: "numeric" });
  const month = dateFormat(locale, timeZone, { month: "short" });
  const longDay = dateFormat(locale, timeZone, { weekday: "long", month: "long", day: "numeric" });
  const time = dateFormat(locale, timeZone, { timeStyle: "short" });
  const day = days.find((d) => d.key === dayKey);
  const first = days[0]?.slots[0];

  return (
    <div part="slots">
      <Notice notice={notice} t={t} />
      {first && (
        <p class="tz" part="timezone">
          {GLOBE}
          {fill(t.tz, { tz: zoneName(locale, timeZone, new Date(first.startsAt)) })}
        </p>
      )}
      <RadioGroup
        label={t.day}
        class="days"
        part="day"
        value={dayKey}
        onChange={onDay}
        options={days.map((d) => {
          const at = new Date(d.slots[0]!.startsAt);
          return {
            id: d.key,
            label: longDay.format(at),
            disabled: d.slots.every((s) => s.remaining <= 0),
            content: (
              <>
                <small>{weekday.format(at)}</small>
                <b>{dayNumber.format(at)}</b>
                <small>{month.format(at)}</small>
              </>
            ),
          };
        })}
      />
      {day && (
        <>
          <h3>{longDay.format(new Date(day.slots[0]!.startsAt))}</h3>
          <RadioGroup
            label={t.time}
            class="times"
            part="slot"
            value={slotId}
            onChange={(id) => onSlot(day.slots.find((s) => s.id === id)!)}
            options={day.slots.map((s) => ({
              id: s.id,
              disabled: s.remaining <= 0,
              label: `${time.format(new Date(s.startsAt))}, ${seats(t, s)}${s.label ? `, ${s.label}` : ""}`,
              content: (
                <>
                  <b>{time.format(new Date(s.startsAt))}</b>
                  <small>{s.label ? `${s.label} · ${seats(t, s)}` : seats(t, s)}</small>
                </>
              ),
            }))}
          />
        </>
      )}
      <button type="button" class="btn primary" part="button next" disabled={!slotId} onClick={onNext}>
        {t.next}
      </button>
    </div>
  );
}
