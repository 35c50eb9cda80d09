/** @module Slot times in the visitor's zone. */
import { describe, expect, it } from "vitest";
import { formatSlot, groupByDay, zoneName } from "./format-slot-time.js";
import { demoSlots } from "./test/fake-api.test.helper.js";

describe("format-slot-time", () => {
  it("groups by the local day, which need not be the UTC day", () => {
    const slots = demoSlots();
    // 15:00Z on 2 and 3 December is already the next day in Tokyo (UTC+9).
    expect(groupByDay(slots, "Asia/Tokyo").map((d) => [d.key, d.slots.length])).toEqual([
      ["2026-12-01", 1],
      ["2026-12-02", 2],
      ["2026-12-03", 1],
      ["2026-12-04", 1],
    ]);
    expect(groupByDay(slots, "UTC").map((d) => d.slots.length)).toEqual([1, 3, 1]);
  });

  it("names the zone, never as a bare offset", () => {
    const at = new Date("2026-12-02T13:00:00.000Z");
    expect(zoneName("en", "Europe/Berlin", at)).toBe("Central European Time");
    expect(zoneName("en", "UTC", at)).toBe("Coordinated Universal Time");
    expect(zoneName("es", "America/Mexico_City", at)).toMatch(/^hora .*central$/i);
  });

  it("writes a slot as one line in the visitor's language", () => {
    const slot = { startsAt: "2026-12-02T13:00:00.000Z", endsAt: "2026-12-02T14:00:00.000Z" };
    expect(formatSlot(slot, "en", "Europe/Berlin")).toMatch(/^Wednesday, December 2, 2026.*2:00.*3:00\sPM$/);
    expect(formatSlot(slot, "es", "Europe/Berlin")).toMatch(/^miércoles, 2 de diciembre de 2026.*14:00.*15:00$/);
  });
});
