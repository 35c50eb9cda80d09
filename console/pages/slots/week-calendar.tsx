/**
 * @module The week calendar: on a desktop a table of seven day columns (Monday to Sunday in the widget's zone) with a
 * row per starting hour, on a phone a list of the seven days; CSS shows one of the two. Every slot is a button.
 */
import { h } from "preact";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { SlotBlock } from "./slot-block.js";
import { dayLabel, hourLabel } from "./slot-times.js";
import type { WeekGrid } from "./week-grid.js";

/** The week; `onOpen` gets the slot pressed. */
export function WeekCalendar({
  grid,
  timeZone,
  now,
  caption,
  onOpen,
}: {
  grid: WeekGrid;
  timeZone: string;
  now: number;
  caption: string;
  onOpen: (slot: AdminSlot) => void;
}) {
  const block = (slot: AdminSlot, day: string) => (
    <SlotBlock key={slot.id} slot={slot} day={day} timeZone={timeZone} now={now} onOpen={onOpen} />
  );
  return (
    <div class="week">
      <div class="week-table-wrap">
        <table class="week-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="week-hour">
                <span class="visually-hidden">Starts at</span>
              </th>
              {grid.days.map((d) => (
                <th key={d.day} scope="col" class={d.isToday ? "is-today" : undefined}>
                  <span class="week-weekday">{dayLabel(d.day, "weekday")}</span>
                  <span class="week-date">{Number(d.day.slice(8))}</span>
                  {d.isToday && <span class="visually-hidden"> (today)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.hours.map((hour, row) => (
              <tr key={hour}>
                <th scope="row" class="week-hour">
                  {hourLabel(hour)}
                </th>
                {grid.cells[row]!.map((cell, column) => (
                  <td key={grid.days[column]!.day} class={grid.days[column]!.isToday ? "is-today" : undefined}>
                    {cell.map((slot) => block(slot, grid.days[column]!.day))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol class="week-list" aria-label={caption}>
        {grid.days.map((d) => (
          <li key={d.day} class={`week-day${d.isToday ? " is-today" : ""}${d.slots.length ? "" : " is-empty"}`}>
            <h3 class="week-day-title">
              {dayLabel(d.day, "long")}
              {d.isToday && <span class="badge badge-info">Today</span>}
            </h3>
            {d.slots.length === 0 ? (
              <p class="muted small">No classes</p>
            ) : (
              <div class="week-day-slots">{d.slots.map((slot) => block(slot, d.day))}</div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
