/** @module "Add to calendar" links for Google Calendar and Outlook on the web, built from the booking alone. */

/** What goes into a calendar event. */
export interface CalendarEvent {
  title: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  details?: string | undefined;
  location?: string | undefined;
}

/** `2026-12-01T14:00:00.000Z` as Google's `20261201T140000Z` (UTC, no separators, no milliseconds). */
export function googleTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, "");
}

/** `?a=1&b=2` with every value percent-encoded (spaces as `%20`, which both calendars read; `+` is kept literal). */
function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

/**
 * Links that open the event in Google Calendar and in Outlook on the web, ready to save. Times are UTC, so the
 * calendar shows them in its owner's zone; nothing secret goes in (the manage token stays out of third-party URLs).
 * @example calendarLinks({ title: "Demo class", startsAt: "2026-12-01T14:00:00.000Z", endsAt: "2026-12-01T15:00:00.000Z" }).google
 * // "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Demo%20class&dates=20261201T140000Z%2F20261201T150000Z"
 */
export function calendarLinks(event: CalendarEvent): { google: string; outlook: string } {
  const { title, startsAt, endsAt, details, location } = event;
  const google = query({
    action: "TEMPLATE",
    text: title,
    dates: `${googleTime(startsAt)}/${googleTime(endsAt)}`,
    details,
    location,
  });
  const outlook = query({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: title,
    startdt: new Date(startsAt).toISOString().replace(/\.\d{3}/, ""),
    enddt: new Date(endsAt).toISOString().replace(/\.\d{3}/, ""),
    body: details,
    location,
  });
  return {
    google: `https://calendar.google.com/calendar/render?${google}`,
    outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${outlook}`,
  };
}
