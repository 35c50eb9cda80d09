/**
 * @module Issue 3, "Done when", in every engine (issue 12): a visitor on another origin books, adds to calendar and
 * cancels through each embed mode (the example pages as marketers paste them), on a desktop and a phone, under the
 * strict CSP.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../sdk/index.js";
import { DESKTOP, type PageOptions, PHONE } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { query } from "./harness/query.js";
import { cancelFromConfirmation, fillForm, pickSlot, press, submitBooking, widgetAt } from "./harness/widget-steps.js";

const MODES = [
  { mode: "inline", page: "inline.html", opener: undefined, host: "[data-slotbook]" },
  { mode: "popup", page: "popup.html", opener: "Book a free demo class", host: "[data-slotbook-popup]" },
  { mode: "floating", page: "floating.html", opener: "Book a demo", host: "[data-slotbook-popup]" },
] as const;
// Visitors far from UTC, so times shown in their zone and the slot booked must still agree.
const DEVICES: { device: string; options: PageOptions }[] = [
  { device: "desktop", options: { ...DESKTOP, timezoneId: "America/New_York", locale: "en-US" } },
  { device: "phone", options: { ...PHONE, timezoneId: "Asia/Kolkata", locale: "en-IN" } },
];

describe.each(ENGINES)("embed modes in $name, across origins, under a strict CSP", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    const e2e = useE2eSite(name);

    const remaining = async (slotId: string) => {
      const slots = await createClient({ baseUrl: e2e.server.url }).slots.list("wgt_demo");
      return slots.find((s) => s.id === slotId)?.remaining;
    };

    describe.each(DEVICES)("$device", ({ device, options }) => {
      it.each(MODES)(
        `$mode on a ${device}: book, add to calendar, cancel`,
        async ({ mode, page: path, opener, host }) => {
          const url = e2e.site.url(path, { strict: true });
          // The page really carries the policy (WebDriver shows no response headers, so ask the site as the browser did).
          expect((await fetch(url)).headers.get("content-security-policy")).toBe(e2e.site.csp);
          // WebKit's phone is a touch page in MiniBrowser's narrowest window (447 CSS px, see widget-layout.test.ts).
          const page = await e2e.open(options, url);
          const widget = widgetAt(page, host);
          if (opener) {
            await press(widget, query().role("button", opener, { exact: true }));
            await expect.poll(() => page.isVisible(query().role("dialog", "Book a free demo class"))).toBe(true);
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
          const link = widget.host.role("link", "Add to calendar");
          const download = await page.download(() => press(widget, link));
          // Only CDP reports downloads to the test (Playwright's `download` event); BiDi in Firefox 153 and WebDriver
          // classic do not, so there the link is pressed, the page must stay as it was, and the fetch above proves it.
          if (download !== "unsupported") expect(download).toEqual({ url: calendarUrl, failure: null });
          await expect.poll(() => page.count(widget.host.role("heading", "You're booked"))).toBe(1);

          await cancelFromConfirmation(widget);
          expect((await e2e.server.admin.bookings.get(bookingId)).status).toBe("cancelled");
          expect(await remaining(slotId)).toBe(before);

          expect(await page.cspViolations()).toEqual([]);
          expect((await page.record()).errors).toEqual([]);
          await page.close();
        },
      );
    });
  });
});
