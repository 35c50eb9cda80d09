/** @module `/manage/{id}?token=`: the link in a confirmation, where a visitor sees the booking, adds it to a calendar or cancels it. */
import { html } from "hono/html";
import type { Booking } from "../../sdk/index.js";
import { manageUrl } from "../domain/booking-create.js";
import { page } from "./layout.js";

/** What the page needs of the widget. */
export interface ManagePageWidget {
  title: string;
  timezone: string;
  locale: string;
}

/** "Tuesday, December 1, 2026, 11:00 – 11:45 AM GMT+1": in the class's own zone, named so nobody has to guess. */
export function formatSlotRange(slot: Booking["slot"], widget: ManagePageWidget): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  const range = (locale: string, timeZone: string) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone }).formatRange(
      new Date(slot.startsAt),
      new Date(slot.endsAt),
    );
  try {
    return range(widget.locale, widget.timezone);
  } catch {
    return range("en", "UTC");
  }
}

/** The manage page; with `confirmCancel` it asks before cancelling. */
export function managePage(
  booking: Booking,
  widget: ManagePageWidget,
  token: string,
  baseUrl: string,
  confirmCancel = false,
) {
  const self = manageUrl(baseUrl, booking.id, token);
  const ics = `${baseUrl}/v1/bookings/${booking.id}/invite.ics?token=${encodeURIComponent(token)}`;
  const confirmed = booking.status === "confirmed";
  const body = !confirmed
    ? notBooked(booking)
    : confirmCancel
      ? html`<p><strong>Cancel this booking?</strong> Your seat goes to someone else.</p>
<form method="post" action="${baseUrl}/manage/${booking.id}/cancel"><input type="hidden" name="token" value="${token}">
<button type="submit" class="danger">Yes, cancel</button> <a class="button" href="${self}">Keep my booking</a></form>`
      : html`<p>You're booked.</p>
<p><a class="button primary" href="${ics}">Add to calendar</a> <a class="button" href="${self}&amp;confirm=cancel">Cancel booking…</a></p>`;
  return page(
    `${widget.title}: your booking`,
    html`<h1>${widget.title}</h1>
<div class="card"><p class="when">${formatSlotRange(booking.slot, widget)}</p>${body}</div>`,
    baseUrl,
  );
}

/** What the page says of a booking that no longer holds a seat, naming who cancelled it. */
function notBooked(booking: Booking) {
  if (booking.cancelReason === "slot_cancelled") {
    return html`<p><strong>This class was cancelled by the organiser.</strong> Sorry for the change: you are not
booked any more, and you can book another time where you booked this one.</p>`;
  }
  if (booking.cancelReason === "admin") {
    return html`<p><strong>This booking was cancelled by the organiser.</strong> Contact them if you did not expect
this.</p>`;
  }
  return html`<p><strong>This booking is ${booking.status}.</strong> Its seat is free for someone else.</p>`;
}

/** The page for a manage link that does not work (wrong token, unknown or deleted booking). */
export function manageErrorPage(status: 401 | 404, baseUrl: string) {
  return page(
    "Booking link not valid",
    html`<h1>This booking link does not work</h1>
<div class="card"><p>${status === 401 ? "The link is incomplete or was changed." : "We could not find this booking; it may have been removed."}
Use the link from your confirmation, or contact the organiser.</p></div>`,
    baseUrl,
  );
}
