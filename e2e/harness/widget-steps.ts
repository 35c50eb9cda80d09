/**
 * @module Test helper: what a visitor does in one widget (inline or popup), by pointer — clicks on a desktop, taps on
 * a phone — through the widget's accessible names, the way a screen reader would find them.
 */
import type { BrowserPage } from "./browser-page.js";
import { type Query, query } from "./query.js";

/** One widget on a page: the element that hosts its shadow root (queries pierce it). Touch pages tap. */
export interface Widget {
  page: BrowserPage;
  host: Query;
}

/** What the visitor types. */
export interface Visitor {
  name: string;
  email: string;
  phone?: string;
}

/** The widget hosted by `selector` on `page` (e.g. `[data-slotbook]`, `[data-slotbook-popup]`). */
export function widgetAt(page: BrowserPage, selector: string): Widget {
  return { page, host: query().css(selector) };
}

/** Click or tap, as the device does. */
export function press(widget: Widget, target: Query): Promise<void> {
  return widget.page.click(target);
}

/**
 * Choose the last day with a free seat and its first free time (the furthest from now, so it cannot start during
 * the test), then continue to the form; resolves to the chosen slot's id.
 */
export async function pickSlot(widget: Widget): Promise<string> {
  const days = widget.host.role("radiogroup", "Day").role("radio");
  await widget.page.waitFor(days.first());
  await press(widget, days.enabled().last());
  const time = widget.host.role("radiogroup", "Time").role("radio").enabled().first();
  await press(widget, time);
  if ((await widget.page.attr(time, "aria-checked")) !== "true") throw new Error("the chosen time is not checked");
  const slotId = await widget.page.attr(time, "data-id");
  await press(widget, widget.host.role("button", "Continue"));
  return slotId!;
}

/** Type the visitor's details into the form. */
export async function fillForm(widget: Widget, visitor: Visitor): Promise<void> {
  await widget.page.fill(widget.host.label("Name"), visitor.name);
  await widget.page.fill(widget.host.label("Email"), visitor.email);
  if (visitor.phone !== undefined) await widget.page.fill(widget.host.label("Phone"), visitor.phone);
}

/** Submit the form and wait for the confirmation; resolves to the booking id read from the calendar link. */
export async function submitBooking(widget: Widget): Promise<{ bookingId: string; calendarUrl: string }> {
  await press(widget, widget.host.role("button", "Book now"));
  await widget.page.waitFor(widget.host.role("heading", "You're booked"));
  const calendarUrl = (await widget.page.attr(widget.host.role("link", "Add to calendar"), "href"))!;
  const bookingId = /\/v1\/bookings\/(bkg_[\w-]+)\/invite\.ics/.exec(calendarUrl)?.[1];
  if (!bookingId) throw new Error(`no booking id in the calendar link ${calendarUrl}`);
  return { bookingId, calendarUrl };
}

/** Cancel from the confirmation (with its "are you sure" step) and wait until the widget says so. */
export async function cancelFromConfirmation(widget: Widget): Promise<void> {
  await press(widget, widget.host.role("button", "Cancel booking"));
  await press(widget, widget.host.role("button", "Yes, cancel"));
  await widget.page.waitFor(widget.host.role("heading", "Your booking is cancelled."));
}
