/**
 * @module Test helper: what a visitor does in one widget (inline or popup), by pointer — clicks on a desktop, taps on
 * a phone — through the widget's accessible names, the way a screen reader would find them.
 */
import type { Locator, Page } from "playwright-core";

/** One widget on a page: the element that hosts its shadow root (role queries pierce it). */
export interface Widget {
  page: Page;
  host: Locator;
  /** Tap instead of click (phone contexts have `hasTouch`). */
  touch: boolean;
}

/** What the visitor types. */
export interface Visitor {
  name: string;
  email: string;
  phone?: string;
}

/** The widget hosted by `selector` on `page` (e.g. `[data-slotbook]`, `[data-slotbook-popup]`). */
export function widgetAt(page: Page, selector: string, touch = false): Widget {
  return { page, host: page.locator(selector), touch };
}

/** Click or tap, as the device does. */
export function press(widget: Widget, target: Locator): Promise<void> {
  return widget.touch ? target.tap() : target.click();
}

/**
 * Choose the last day with a free seat and its first free time (the furthest from now, so it cannot start during
 * the test), then continue to the form; resolves to the chosen slot's id.
 */
export async function pickSlot(widget: Widget): Promise<string> {
  const days = widget.host.getByRole("radiogroup", { name: "Day" }).getByRole("radio");
  await days.first().waitFor();
  await press(widget, days.and(widget.page.locator(":enabled")).last());
  const time = widget.host
    .getByRole("radiogroup", { name: "Time" })
    .getByRole("radio")
    .and(widget.page.locator(":enabled"))
    .first();
  await press(widget, time);
  if ((await time.getAttribute("aria-checked")) !== "true") throw new Error("the chosen time is not checked");
  const slotId = await time.getAttribute("data-id");
  await press(widget, widget.host.getByRole("button", { name: "Continue" }));
  return slotId!;
}

/** Type the visitor's details into the form. */
export async function fillForm(widget: Widget, visitor: Visitor): Promise<void> {
  await widget.host.getByLabel("Name").fill(visitor.name);
  await widget.host.getByLabel("Email").fill(visitor.email);
  if (visitor.phone !== undefined) await widget.host.getByLabel("Phone").fill(visitor.phone);
}

/** Submit the form and wait for the confirmation; resolves to the booking id read from the calendar link. */
export async function submitBooking(widget: Widget): Promise<{ bookingId: string; calendarUrl: string }> {
  await press(widget, widget.host.getByRole("button", { name: "Book now" }));
  await widget.host.getByRole("heading", { name: "You're booked" }).waitFor();
  const calendarUrl = (await widget.host.getByRole("link", { name: "Add to calendar" }).getAttribute("href"))!;
  const bookingId = /\/v1\/bookings\/(bkg_[\w-]+)\/invite\.ics/.exec(calendarUrl)?.[1];
  if (!bookingId) throw new Error(`no booking id in the calendar link ${calendarUrl}`);
  return { bookingId, calendarUrl };
}

/** Cancel from the confirmation (with its "are you sure" step) and wait until the widget says so. */
export async function cancelFromConfirmation(widget: Widget): Promise<void> {
  await press(widget, widget.host.getByRole("button", { name: "Cancel booking" }));
  await press(widget, widget.host.getByRole("button", { name: "Yes, cancel" }));
  await widget.host.getByRole("heading", { name: "Your booking is cancelled." }).waitFor();
}
