/** @module Calendar invites: RFC 5545 lines, escaping, UTF-8-safe folding, cancellations. */
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildInvite } from "./index.js";

const base = {
  uid: "bkg_abc@slotbook",
  start: "2026-12-01T14:00:00.000Z",
  end: new Date("2026-12-01T14:45:30.999Z"),
  summary: "Demo class",
  now: new Date("2026-11-20T09:08:07Z"),
};

// A minimal reader, as calendar clients do it: split on CRLF, join continuation lines, unescape TEXT.
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n$/, "")
    .split("\r\n")
    .reduce<string[]>((lines, line) => {
      if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
      else lines.push(line);
      return lines;
    }, []);
}
function property(ics: string, name: string): string | undefined {
  const line = unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
}
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

describe("buildInvite", () => {
  it("writes one VEVENT with CRLF line ends and UTC times", () => {
    const ics = buildInvite(base);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(unfold(ics)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Slotbook//Slotbook//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:bkg_abc@slotbook",
      "DTSTAMP:20261120T090807Z",
      "DTSTART:20261201T140000Z",
      "DTEND:20261201T144530Z",
      "SEQUENCE:0",
      "SUMMARY:Demo class",
      "STATUS:CONFIRMED",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("converts offsets to UTC", () => {
    expect(property(buildInvite({ ...base, start: "2026-12-01T15:00:00+01:00" }), "DTSTART")).toBe("20261201T140000Z");
  });

  it("marks a cancellation", () => {
    const ics = buildInvite({ ...base, method: "CANCEL", sequence: 2 });
    expect(property(ics, "METHOD")).toBe("CANCEL");
    expect(property(ics, "STATUS")).toBe("CANCELLED");
    expect(property(ics, "SEQUENCE")).toBe("2");
  });

  it("escapes backslash, semicolon, comma and line breaks in TEXT", () => {
    const ics = buildInvite({ ...base, summary: "A;B,C\\D", description: "line 1\r\nline 2\nline 3\rend" });
    expect(property(ics, "SUMMARY")).toBe("A\\;B\\,C\\\\D");
    expect(property(ics, "DESCRIPTION")).toBe("line 1\\nline 2\\nline 3\\nend");
  });

  it("adds location, URL and organizer, with the name safely quoted", () => {
    const ics = buildInvite({
      ...base,
      location: "Room 4, Calle Mayor 1",
      url: "https://example.com/manage/bkg_abc?token=a b",
      organizer: { name: 'Escuela "Sol"; Madrid', email: "hola@example.com" },
    });
    expect(property(ics, "LOCATION")).toBe("Room 4\\, Calle Mayor 1");
    expect(property(ics, "URL")).toBe("https://example.com/manage/bkg_abc?token=a%20b");
    expect(unfold(ics)).toContain(`ORGANIZER;CN="Escuela ^'Sol^'; Madrid":mailto:hola@example.com`);
  });

  it("leaves out empty optional properties", () => {
    const ics = buildInvite({ ...base, description: "", location: undefined });
    expect(ics).not.toMatch(/DESCRIPTION|LOCATION|URL|ORGANIZER/);
  });

  it("rejects bad times, sequences and organizer emails", () => {
    expect(() => buildInvite({ ...base, start: "tomorrow" })).toThrow(TypeError);
    expect(() => buildInvite({ ...base, end: base.start })).toThrow(/after its start/);
    expect(() => buildInvite({ ...base, sequence: -1 })).toThrow(TypeError);
    expect(() => buildInvite({ ...base, organizer: { name: "x", email: "a@b\r\nATTENDEE:x" } })).toThrow(TypeError);
  });

  it("folds at 75 octets without splitting a character", () => {
    const description = "Clase de español 🇪🇸 — niveles A1–C2, 日本語も少し。".repeat(8);
    const ics = buildInvite({ ...base, description });
    const physical = Buffer.from(ics, "utf8").toString("latin1").split("\r\n").slice(0, -1);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const longest = Math.max(...physical.map((line) => line.length));
    expect(longest).toBe(75);
    for (const line of physical) {
      expect(() => decoder.decode(Buffer.from(line, "latin1"))).not.toThrow();
    }
    expect(physical.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(5);
    expect(unescapeText(property(ics, "DESCRIPTION")!)).toBe(description);
  });

  it("round-trips any text through escape, fold, unfold and unescape", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ maxLength: 300 }),
        (summary, description) => {
          const ics = buildInvite({ ...base, summary, description: description || undefined });
          for (const line of Buffer.from(ics).toString("latin1").split("\r\n")) {
            expect(line.length).toBeLessThanOrEqual(75);
            decoder.decode(Buffer.from(line, "latin1"));
          }
          // biome-ignore lint/suspicious/noControlCharactersInRegex: TEXT cannot carry these, so they are dropped
          const expected = (text: string) => text.replace(/\r\n|\r/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
          expect(unescapeText(property(ics, "SUMMARY")!)).toBe(expected(summary));
          if (description) expect(unescapeText(property(ics, "DESCRIPTION")!)).toBe(expected(description));
        },
      ),
    );
  });
});

describe("buildInvite for email (iMIP)", () => {
  const organizer = { name: "Escuela Sol", email: "hola@example.com" };
  const attendee = { name: "Ana López", email: "ana@example.com" };

  it("a REQUEST names organizer and attendee, and parses with ical.js", () => {
    const ics = buildInvite({
      ...base,
      method: "REQUEST",
      organizer,
      attendee,
      sequence: 1,
      location: "Calle Mayor 1",
    });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe("bkg_abc@slotbook");
    expect(event.sequence).toBe(1);
    expect(event.location).toBe("Calle Mayor 1");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(event.organizer).toBe("mailto:hola@example.com");
    const [who] = event.attendees;
    expect(who?.getFirstValue()).toBe("mailto:ana@example.com");
    expect(who?.getParameter("cn")).toBe("Ana López");
    expect(who?.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("a REQUEST without organizer is refused", () => {
    expect(() => buildInvite({ ...base, method: "REQUEST", attendee })).toThrow(/organizer/);
  });
});
