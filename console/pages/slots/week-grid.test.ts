import { describe, expect, it } from "vitest";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { addDays, dayIn, isDayKey, mondayOf, weekdayOf } from "./calendar-days.js";
import { weekGrid } from "./week-grid.js";

function slot(id: string, startsAt: string, booked = 0, capacity = 8): AdminSlot {
  const end = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return {
    id: `slot_${id}`,
    widgetId: "wgt_demo",
    startsAt,
    endsAt: end,
    capacity,
    remaining: capacity - booked,
    booked,
    status: "active",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("calendar days", () => {
  it("find the Monday, the weekday and the day in a zone", () => {
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(mondayOf("2026-03-23")).toBe("2026-03-23");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(weekdayOf("2026-03-29")).toBe(7);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    // 23:30 UTC on the 22nd is already the 23rd in Berlin, still the 22nd in New York.
    expect(dayIn(Date.parse("2026-03-22T23:30:00.000Z"), "Europe/Berlin")).toBe("2026-03-23");
    expect(dayIn(Date.parse("2026-03-22T23:30:00.000Z"), "America/New_York")).toBe("2026-03-22");
    expect(isDayKey("2026-04-31")).toBe(false);
    expect(isDayKey("2026-04-30")).toBe(true);
  });
});

describe("weekGrid", () => {
  const week = [
    // Monday 10:00 Berlin (+01:00) and Monday 10:30: one row.
    slot("mon10", "2026-03-23T09:00:00.000Z", 8),
    slot("mon1030", "2026-03-23T09:30:00.000Z"),
    // Sunday 29 March 10:00 Berlin is +02:00 after the change: the same row.
    slot("sun10", "2026-03-29T08:00:00.000Z", 3),
    // Wednesday 18:00.
    slot("wed18", "2026-03-25T17:00:00.000Z"),
    // Sunday 23:30 Berlin = 21:30Z: still this week; Monday 00:30 of the next week is not.
    slot("sunlate", "2026-03-29T21:30:00.000Z"),
    slot("next", "2026-03-29T22:30:00.000Z"),
    slot("before", "2026-03-22T22:30:00.000Z"),
  ];

  it("places each slot in its day's column and its local hour's row, across the DST change", () => {
    const grid = weekGrid(week, "2026-03-23", "Europe/Berlin", "2026-03-25");
    expect(grid.days.map((d) => d.day)).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(grid.days.map((d) => d.isToday)).toEqual([false, false, true, false, false, false, false]);
    expect(grid.hours).toEqual([10, 18, 23]);
    const ids = grid.cells.map((row) => row.map((cell) => cell.map((s) => s.id.slice(5)).join(",")));
    expect(ids).toEqual([
      ["mon10,mon1030", "", "", "", "", "", "sun10"],
      ["", "", "wed18", "", "", "", ""],
      ["", "", "", "", "", "", "sunlate"],
    ]);
    expect(grid.days[0]!.slots.map((s) => s.id)).toEqual(["slot_mon10", "slot_mon1030"]);
    expect(grid.days[6]!.slots.map((s) => s.id)).toEqual(["slot_sun10", "slot_sunlate"]);
  });

  it("reads the same instants in another zone as other days", () => {
    const grid = weekGrid(week, "2026-03-23", "America/New_York", "2026-03-01");
    // 22:30Z on the 22nd is 18:30 on Sunday the 22nd in New York: the week before.
    expect(grid.days.flatMap((d) => d.slots).map((s) => s.id)).not.toContain("slot_before");
    // Sunday 10:00 in Berlin is 04:00 there; 00:30 Monday in Berlin still Sunday evening.
    expect(grid.days[6]!.slots.map((s) => s.id)).toEqual(["slot_sun10", "slot_sunlate", "slot_next"]);
    expect(grid.hours).toEqual([4, 5, 13, 17, 18]);
  });

  it("has no rows for an empty week", () => {
    expect(weekGrid([], "2026-03-23", "UTC", "2026-03-23")).toMatchObject({ hours: [], cells: [] });
  });
});
