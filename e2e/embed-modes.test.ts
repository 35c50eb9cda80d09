/**
 * @module Issue 3, "Done when": a visitor on another origin books, adds to calendar and cancels in Chromium through
 * each embed mode (the example pages as marketers paste them), on a desktop and a phone, under the strict CSP.
 */
import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createClient } from "../sdk/index.js";
import { DESKTOP, HAS_CHROMIUM, PHONE } from "./harness/chromium.js";
import { recordCspViolations } from "./harness/csp-violations.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { cancelFromConfirmation, fillForm, pickSlot, press, submitBooking, widgetAt } from "./harness/widget-steps.js";

const MODES = [
  { mode: "inline", page: "inline.html", opener: undefined, host: "[data-slotbook]" },
  { mode: "popup", page: "popup.html", opener: "Book a free demo class", host: "[data-slotbook-popup]" },
  { mode: "floating", page: "floating.html", opener: "Book a demo", host: "[data-slotbook-popup]" },
] as const;
// Visitors far from UTC, so times shown in their zone and the slot booked must still agree.
const DEVICES: { device: string; context: BrowserContextOptions }[] = [
  { device: "desktop", context: { ...DESKTOP, timezoneId: "America/New_York", locale: "en-US" } },
  { device: "phone", context: { ...PHONE, timezoneId: "Asia/Kolkata", locale: "en-IN" } },
];

describe.skipIf(!HAS_CHROMIUM)("embed modes in Chromium, across origins, under a strict CSP", () => {
  const e2e = useE2eSite();

  const remaining = async (slotId: string) => {
    const slots = await createClient({ baseUrl: e2e.server.url }).slots.list("wgt_demo");
    return slots.find((s) => s.id === slotId)?.remaining;
  };

  describe.each(DEVICES)("$device", ({ device, context: contextOptions }) => {
    it.each(MODES)(
      `$mode on a ${device}: book, add to calendar, cancel`,
      async ({ mode, page: path, opener, host }) => {
        const { context, page } = await e2e.newPage(contextOptions);
        const violations = await recordCspViolations(page);
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        const url = e2e.site.url(path, { strict: true });
        const response = await page.goto(url);
        expect(response?.headers()["content-security-policy"]).toBe(e2e.site.csp);
        const touch = contextOptions.hasTouch === true;
        const widget = widgetAt(page, host, touch);
        if (opener) {
          await press(widget, page.getByRole("button", { name: opener, exact: true }));
          await expect.poll(() => page.getByRole("dialog", { name: "Book a free demo class" }).isVisible()).toBe(true);
        }

        const slotId = await pickSlot(widget);
        const before = await remaining(slotId);
        const email = `${mode}.${device}@example.com`;
        await fillForm(widget, { name: `Ada ${mode} ${device}`, email, phone: "+44 20 7946 0958" });
        const { bookingId, calendarUrl } = await submitBooking(widget);

        // The server holds exactly what was typed, decrypted for the admin, on the chosen slot, from this page.
        const stored = await e2e.server.admin.bookings.get(bookingId);
        expect(stored).toMatchObject({
          widgetId: "wgt_demo",
          status: "confirmed",
          name: `Ada ${mode} ${device}`,
          email,
          phone: "+442079460958",
          slot: { id: slotId },
          context: { pageUrl: url },
        });
        expect(await remaining(slotId)).toBe(before! - 1);

        // "Add to calendar": the link is the API's invite for this booking; following it downloads the event.
        expect(calendarUrl.startsWith(`${e2e.server.url}/v1/bookings/${bookingId}/invite.ics?token=`)).toBe(true);
        const invite = await fetch(calendarUrl);
        expect(invite.status).toBe(200);
        expect(invite.headers.get("content-type")).toMatch(/^text\/calendar/);
        const start = stored.slot.startsAt.replace(/[-:]/g, "").replace(/\.\d+/, "");
        expect(await invite.text()).toContain(`DTSTART:${start}`);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          press(widget, widget.host.getByRole("link", { name: "Add to calendar" })),
        ]);
        expect(download.url()).toBe(calendarUrl);
        expect(await download.failure()).toBeNull();

        await cancelFromConfirmation(widget);
        expect((await e2e.server.admin.bookings.get(bookingId)).status).toBe("cancelled");
        expect(await remaining(slotId)).toBe(before);

        expect(await violations()).toEqual([]);
        expect(pageErrors).toEqual([]);
        await context.close();
      },
    );
  });
});
