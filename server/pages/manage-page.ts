/** @module `/manage/{id}?token=`: the link in a confirmation, where a visitor sees the booking, adds it to a calendar or cancels it. */
import { html } from "hono/html";
import type { Booking } from "../../sdk/index.js";
import { page } from "./layout.js";

/** The manage page for a booking. */
export function managePage(
  booking: Booking,
  widget: { title: string; timezone: string; locale: string },
  token: string,
  baseUrl: string,
) {
  const { title } = widget;
  // In the widget's own zone (the class's local time), with the zone named so nobody has to guess.
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat(widget.locale, { dateStyle: "full", timeStyle: "long", timeZone }).format(
      new Date(booking.slot.startsAt),
    );
  let when: string;
  try {
    when = format(widget.timezone);
  } catch {
    when = format("UTC");
  }
  const ics = `${baseUrl}/v1/bookings/${booking.id}/invite.ics?token=${encodeURIComponent(token)}`;
  return page(
    `${title} — your booking`,
    html`<h1>${title}</h1>
<div class="card"><p><strong>${when}</strong></p>
<p>Status: <strong>${booking.status}</strong></p>
${
  booking.status === "confirmed"
    ? html`<p><a href="${ics}">Add to calendar</a></p>
<form method="post" action="${baseUrl}/manage/${booking.id}/cancel"><input type="hidden" name="token" value="${token}">
<button type="submit">Cancel this booking</button></form>`
    : html`<p>This booking is ${booking.status}; its seat is free for someone else.</p>`
}</div>`,
  );
}
