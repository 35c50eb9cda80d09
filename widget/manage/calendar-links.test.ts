/** @module The Google Calendar and Outlook links: UTC times in each one's format, every character encoded. */
import { describe, expect, it } from "vitest";
import { calendarLinks, googleTime } from "./calendar-links.js";

const EVENT = { title: "Demo class", startsAt: "2026-12-01T14:00:00.000Z", endsAt: "2026-12-01T14:45:00.000Z" };

describe("calendarLinks", () => {
  it("gives Google its UTC times as YYYYMMDDTHHMMSSZ, start/end", () => {
    expect(googleTime("2026-12-01T14:00:00.000Z")).toBe("20261201T140000Z");
    // An offset in the input is turned into UTC.
    expect(googleTime("2026-12-01T15:30:05+01:00")).toBe("20261201T143005Z");
    const url = new URL(calendarLinks(EVENT).google);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe("Demo class");
    expect(url.searchParams.get("dates")).toBe("20261201T140000Z/20261201T144500Z");
    expect(url.searchParams.has("details")).toBe(false);
    expect(url.searchParams.has("location")).toBe(false);
  });

  it("gives Outlook ISO times in UTC without milliseconds", () => {
    const url = new URL(calendarLinks(EVENT).outlook);
    expect(url.origin + url.pathname).toBe("https://outlook.live.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("subject")).toBe("Demo class");
    expect(url.searchParams.get("startdt")).toBe("2026-12-01T14:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2026-12-01T14:45:00Z");
    expect(url.searchParams.get("rru")).toBe("addevent");
  });

  it("encodes special characters so they arrive as written", () => {
    const tricky = {
      ...EVENT,
      title: "Salsa & Bachata: 50% off? #1 + más",
      details: "Line one\nLine two — “quotes” / slashes = fine",
      location: "Calle Mayor 1, 28013 Madrid (2º)",
    };
    const { google, outlook } = calendarLinks(tricky);
    for (const link of [google, outlook]) {
      expect(link).not.toMatch(/[ \n#"“]/);
      // Exactly one `?`, no stray `&` from the values: every parameter parses back as written.
      expect(link.split("?")).toHaveLength(2);
    }
    const g = new URL(google).searchParams;
    expect(g.get("text")).toBe(tricky.title);
    expect(g.get("details")).toBe(tricky.details);
    expect(g.get("location")).toBe(tricky.location);
    const o = new URL(outlook).searchParams;
    expect(o.get("subject")).toBe(tricky.title);
    expect(o.get("body")).toBe(tricky.details);
    expect(o.get("location")).toBe(tricky.location);
    // `+` must stay a plus, not become a space.
    expect(google).toContain("%2B");
  });
});
