/** @module What an outbox email row carries, sealed: the facts its message is rendered from when it is sent. */

/** A class time, ISO 8601 in UTC. */
export interface TimeRange {
  startsAt: string;
  endsAt: string;
}

/**
 * Everything one email needs, fixed when the change happened (the manage token exists only then, and a later edit of
 * the widget must not rewrite what a booking was told). Sealed in the outbox row: it holds names and addresses.
 */
export interface EmailFacts {
  /** The visitor (confirmation, update, cancellation, reminder) or the widget's `notifyEmails` team. */
  audience: "visitor" | "team";
  to: string[];
  /** BCP 47 tag of the booking (the visitor's, else the widget's). */
  locale: string;
  /** IANA zone the times are shown in (the visitor's, else the widget's). */
  timeZone: string;
  widgetTitle: string;
  bookingId: string;
  slot: TimeRange;
  /** The slot before a reschedule. */
  previousSlot?: TimeRange;
  /** Where the class is held: an address or a meeting URL. */
  location?: string;
  organizer?: { name: string; email: string };
  /** The invite's SEQUENCE: 0 at creation, +1 at each reschedule or cancellation. */
  sequence: number;
  /** The manage page, with its token (visitor messages while the booking can still be changed). */
  manageUrl?: string;
  /** Where to book another time after the school cancelled the slot (the page the booking came from). */
  rebookUrl?: string;
  /** Who cancelled, on cancellation messages. */
  cancelledBy?: "visitor" | "marketer" | "slot_cancelled";
  attendee: {
    name: string;
    email: string;
    phone?: string;
    answers?: Record<string, string | boolean>;
    pageUrl?: string;
    utmSource?: string;
  };
}
