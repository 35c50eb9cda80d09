import { describe, expect, it } from "vitest";
import { chunks, expandSeries, MAX_SERIES, type Series } from "./expand-series.js";

const NOW = new Date("2026-03-01T00:00:00.000Z");
const base: Series = {
  weekdays: [1, 3, 5],
  from: "2026-03-23",
  until: "2026-04-03",
  time: "10:00",
  durationMinutes: 60,
  capacity: 8,
};

describe("expandSeries", () => {
  it("keeps 10:00 in Berlin across the week summer time starts (Sunday 29 March 2026)", () => {
    const slots = expandSeries(base, "Europe/Berlin", NOW);
    expect(slots.map((s) => s.startsAt)).toEqual([
      // Mon, Wed, Fri at +01:00
      "2026-03-23T09:00:00.000Z",
      "2026-03-25T09:00:00.000Z",
      "2026-03-27T09:00:00.000Z",
      // Mon, Wed, Fri at +02:00
      "2026-03-30T08:00:00.000Z",
      "2026-04-01T08:00:00.000Z",
      "2026-04-03T08:00:00.000Z",
    ]);
    expect(slots[3]).toEqual({
      startsAt: "2026-03-30T08:00:00.000Z",
      endsAt: "2026-03-30T09:00:00.000Z",
      capacity: 8,
    });
  });

  it("puts a Sunday class inside the spring gap an hour later, and keeps the autumn one's real length", () => {
    const spring = expandSeries({ ...base, weekdays: [7], time: "02:30" }, "Europe/Berlin", NOW);
    // 02:30 does not exist on 29 March: 03:30 summer time.
    expect(spring.map((s) => s.startsAt)).toEqual(["2026-03-29T01:30:00.000Z"]);
    const autumn = expandSeries(
      { ...base, weekdays: [7], from: "2026-10-19", until: "2026-10-25", time: "01:30", durationMinutes: 120 },
      "Europe/Berlin",
      NOW,
    );
    expect(autumn).toEqual([{ startsAt: "2026-10-24T23:30:00.000Z", endsAt: "2026-10-25T01:30:00.000Z", capacity: 8 }]);
  });

  it("includes both ends, trims the label, and leaves out what starts before now", () => {
    const slots = expandSeries(
      { ...base, weekdays: [1], from: "2026-03-02", until: "2026-03-16", label: "  Beginners " },
      "UTC",
      new Date("2026-03-02T10:00:00.000Z"),
    );
    // The 2 March class starts exactly now: past.
    expect(slots.map((s) => [s.startsAt, s.label])).toEqual([
      ["2026-03-09T10:00:00.000Z", "Beginners"],
      ["2026-03-16T10:00:00.000Z", "Beginners"],
    ]);
  });

  it("makes nothing from half-typed values, and stops one past the most a series may have", () => {
    expect(expandSeries({ ...base, until: "2026-04-3" }, "UTC", NOW)).toEqual([]);
    expect(expandSeries({ ...base, time: "9" }, "UTC", NOW)).toEqual([]);
    expect(expandSeries({ ...base, from: "2026-02-30" }, "UTC", NOW)).toEqual([]);
    const daily = expandSeries({ ...base, weekdays: [1, 2, 3, 4, 5, 6, 7], until: "2040-01-01" }, "UTC", NOW);
    expect(daily).toHaveLength(MAX_SERIES + 1);
  });
});

describe("chunks", () => {
  it("splits into runs of at most 500", () => {
    const runs = chunks(Array.from({ length: 1201 }, (_, i) => i));
    expect(runs.map((r) => r.length)).toEqual([500, 500, 201]);
    expect(runs[2]![0]).toBe(1000);
    expect(chunks([])).toEqual([]);
  });
});
