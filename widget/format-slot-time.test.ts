/** @module Slot times in the visitor's zone and conventions, in the widget's language. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { dateFormat, formatSlot, groupByDay, zoneName } from "./format-slot-time.js";
import { demoSlots } from "./test/fake-api.test.helper.js";

/** The browser's language, as `navigator.language` reports it. */
const visitor = (tag: string) => vi.spyOn(navigator, "language", "get").mockReturnValue(tag);
const slot = { startsAt: "2026-12-02T13:00:00.000Z", endsAt: "2026-12-02T14:00:00.000Z" };
afterEach(() => vi.restoreAllMocks());

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

  it("writes a slot as one line in the widget's language", () => {
    visitor("es-ES");
    expect(formatSlot(slot, "es", "Europe/Berlin")).toMatch(/^miércoles, 2 de diciembre de 2026.*14:00.*15:00$/);
    visitor("en-US");
    expect(formatSlot(slot, "en", "Europe/Berlin")).toMatch(/^Wednesday, December 2, 2026.*2:00.*3:00\sPM$/);
  });

  it("keeps the widget's language but takes the visitor's clock and date order", () => {
    const at = new Date(slot.startsAt);
    const time = (lang: string) => dateFormat(lang, "Europe/Berlin", { timeStyle: "short" }).format(at);
    visitor("en-GB");
    expect(time("en")).toBe("14:00");
    expect(formatSlot(slot, "en", "Europe/Berlin")).toMatch(/^Wednesday,? 2 December 2026.*14:00.*15:00$/);
    visitor("en-US");
    expect(time("en")).toMatch(/^2:00\sPM$/);
    // A German visitor on an English widget: English names, German clock and order.
    visitor("de-DE");
    expect(time("en")).toBe("14:00");
    expect(formatSlot(slot, "en", "Europe/Berlin")).toMatch(/^Wednesday,? 2 December 2026.*14:00.*15:00$/);
    visitor("de");
    expect(time("en")).toBe("14:00");
    // A US visitor on a Spanish widget: Spanish words, a 12-hour clock.
    visitor("en-US");
    expect(time("es")).toMatch(/^2:00\sp\.\s?m\.$/);
    expect(formatSlot(slot, "es-MX", "Europe/Berlin")).toMatch(/^miércoles, 2 de diciembre de 2026/);
    // An Indian visitor on a German widget: German words, a 12-hour clock.
    visitor("en-IN");
    expect(dateFormat("de", "Europe/Berlin", { hour: "numeric", minute: "2-digit" }).format(at)).toMatch(/^2:00\sPM$/i);
    expect(dateFormat("de", "Europe/Berlin", { month: "long" }).format(at)).toBe("Dezember");
  });

  it("falls back to the widget's language when the browser's is no language tag (LANG=C gives \"C\")", () => {
    const at = new Date("2026-12-02T13:00:00.000Z");
    for (const tag of ["C", "", "en_US.UTF-8"]) {
      visitor(tag);
      expect(dateFormat("de", "Europe/Berlin", { hour: "numeric", minute: "2-digit" }).format(at)).toBe("14:00");
      expect(dateFormat("en", "Europe/Berlin", { month: "long" }).format(at)).toBe("December");
    }
  });
});
