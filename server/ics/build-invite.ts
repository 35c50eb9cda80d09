/** @module A one-event iCalendar invite (RFC 5545, iMIP methods of RFC 5546) for a booked slot, or its cancellation. */
import { escapeText, foldLine, formatUtc } from "./content-line.js";

/** What goes into the invite. Times may be `Date`s or ISO 8601 strings. */
export interface InviteOptions {
  /** Globally unique and stable across updates, e.g. `bkg_…@slotbook`. */
  uid: string;
  start: Date | string;
  end: Date | string;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  /** An absolute URL, e.g. the manage page. */
  url?: string | undefined;
  organizer?: { name: string; email: string } | undefined;
  /** The visitor, for iMIP invites sent by email; attends, so no RSVP is asked for. */
  attendee?: { name: string; email: string } | undefined;
  /**
   * `PUBLISH` for a download, `REQUEST` for an emailed invite (needs `organizer`; an update keeps the UID and
   * raises `sequence`), `CANCEL` marks the event cancelled (send it with a higher `sequence` than before).
   */
  method?: "PUBLISH" | "REQUEST" | "CANCEL" | undefined;
  sequence?: number | undefined;
  /** DTSTAMP, the time the invite is made; defaults to now. */
  now?: Date | undefined;
}

/**
 * Builds a VCALENDAR with one VEVENT, CRLF line ends and folded lines, ready to serve as `text/calendar`.
 * @example buildInvite({ uid: `${booking.id}@slotbook`, start: slot.startsAt, end: slot.endsAt, summary: "Demo class" })
 */
export function buildInvite(options: InviteOptions): string {
  const start = toDate(options.start, "start");
  const end = toDate(options.end, "end");
  if (end <= start) throw new TypeError("Invite end must be after its start");
  const method = options.method ?? "PUBLISH";
  const sequence = options.sequence ?? 0;
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new TypeError("Invite sequence must be an integer ≥ 0");
  // RFC 5546 §3.2.2: a REQUEST names its organizer, or calendars have no one to attribute it to. (The emailed CANCEL
  // has one too; the downloadable invite.ics of a cancelled booking may not.)
  if (method === "REQUEST" && !options.organizer)
    throw new TypeError("An invite with METHOD:REQUEST needs an organizer");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Slotbook//Slotbook//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(options.uid)}`,
    `DTSTAMP:${formatUtc(options.now ?? new Date())}`,
    `DTSTART:${formatUtc(start)}`,
    `DTEND:${formatUtc(end)}`,
    `SEQUENCE:${sequence}`,
    `SUMMARY:${escapeText(options.summary)}`,
  ];
  if (options.description) lines.push(`DESCRIPTION:${escapeText(options.description)}`);
  if (options.location) lines.push(`LOCATION:${escapeText(options.location)}`);
  if (options.url) lines.push(`URL:${new URL(options.url).href}`);
  if (options.organizer) lines.push(addressLine("ORGANIZER", options.organizer));
  // PARTSTAT=ACCEPTED and RSVP=FALSE: the visitor booked it, so calendars add it without asking for a reply.
  if (options.attendee)
    lines.push(addressLine("ATTENDEE", options.attendee, ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE"));
  lines.push(`STATUS:${method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`, "END:VEVENT", "END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

function toDate(value: Date | string, name: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invite ${name} is not a valid time: ${String(value)}`);
  return date;
}

// CN is a quoted parameter value, which cannot hold DQUOTE or line breaks: RFC 6868 caret-encodes them.
function addressLine(
  property: "ORGANIZER" | "ATTENDEE",
  { name, email }: { name: string; email: string },
  params = "",
) {
  if (!/^[^\s"<>\\]+@[^\s"<>\\]+$/.test(email)) {
    throw new TypeError(`Invite ${property.toLowerCase()} email is not an address`);
  }
  const cn = escapeParam(name);
  return `${property}${cn ? `;CN="${cn}"` : ""}${params}:mailto:${email}`;
}

function escapeParam(value: string): string {
  return (
    value
      .replace(/\^/g, "^^")
      .replace(/"/g, "^'")
      .replace(/\r\n|\r|\n/g, "^n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in a parameter
      .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, "")
  );
}
