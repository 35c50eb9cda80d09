import { describe, expect, it } from "vitest";
import { addLocalDays, fromWallClock, wallClock } from "./local-days.js";

describe("addLocalDays", () => {
  it("adds whole days in UTC", () => {
    expect(addLocalDays("2030-01-31T10:15:30.250Z", 1, "UTC")).toBe("2030-02-01T10:15:30.250Z");
    expect(addLocalDays("2030-01-01T10:00:00.000Z", 0, "UTC")).toBe("2030-01-01T10:00:00.000Z");
  });

  it("keeps the wall-clock time across the spring and autumn DST changes", () => {
    // Berlin 10:00: +01:00 until 29 March 2026 and from 25 October 2026, +02:00 between.
    expect(addLocalDays("2026-03-28T09:00:00.000Z", 1, "Europe/Berlin")).toBe("2026-03-29T08:00:00.000Z");
    expect(addLocalDays("2026-10-24T08:00:00.000Z", 1, "Europe/Berlin")).toBe("2026-10-25T09:00:00.000Z");
    // New York 18:30: -05:00 until 8 March 2026, -04:00 after.
    expect(addLocalDays("2026-03-01T23:30:00.000Z", 14, "America/New_York")).toBe("2026-03-15T22:30:00.000Z");
  });

  it("moves a wall time inside a DST gap forward by the gap", () => {
    // 02:30 on 29 March 2026 does not exist in Berlin (02:00 → 03:00).
    expect(addLocalDays("2026-03-28T01:30:00.000Z", 1, "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("wallClock and fromWallClock", () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it("read an instant in a zone and find it again, on both sides of a DST change", () => {
    expect(iso(wallClock(Date.parse("2026-03-29T08:00:00.000Z"), "Europe/Berlin"))).toBe("2026-03-29T10:00:00.000Z");
    expect(iso(wallClock(Date.parse("2026-03-28T09:00:00.000Z"), "Europe/Berlin"))).toBe("2026-03-28T10:00:00.000Z");
    expect(iso(fromWallClock(Date.UTC(2026, 2, 29, 10), "Europe/Berlin"))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(fromWallClock(Date.UTC(2026, 2, 28, 10), "Europe/Berlin"))).toBe("2026-03-28T09:00:00.000Z");
    expect(iso(fromWallClock(Date.UTC(2026, 0, 1, 0, 0, 0, 250), "Asia/Kolkata"))).toBe("2025-12-31T18:30:00.250Z");
  });

  it("move a reading in the spring gap forward, and take the later of the autumn hour's two", () => {
    expect(iso(fromWallClock(Date.UTC(2026, 2, 29, 2, 30), "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(fromWallClock(Date.UTC(2026, 9, 25, 2, 30), "Europe/Berlin"))).toBe("2026-10-25T01:30:00.000Z");
  });

  it("read instants before 1970 too", () => {
    expect(iso(wallClock(Date.parse("1969-12-31T23:59:59.500Z"), "UTC"))).toBe("1969-12-31T23:59:59.500Z");
  });
});
