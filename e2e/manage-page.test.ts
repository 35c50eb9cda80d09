/**
 * @module The manage page in every engine, on a desktop and a phone: a booking's own page (manage.js) under its strict
 * CSP shows the time in the visitor's zone with the place, reschedules with the widget's picker, cancels after the
 * question (also with the keyboard alone), and answers a wrong link with what to do; not one CSP violation or page error.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../sdk/index.js";
import { DESKTOP, type PageOptions, PHONE } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { focused } from "./harness/focus.js";
import { query } from "./harness/query.js";

describe.each(ENGINES)("the manage page in $name", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    const e2e = useE2eSite(name);
    const app = query().css("[data-slotbook-manage]");

    /** A fresh booking of the demo widget's first free time, made through the SDK as the widget would. */
    async function book() {
      const client = createClient({ baseUrl: e2e.server.url });
      const [slot] = (await client.slots.list("wgt_demo")).filter((s) => s.remaining > 0);
      return client.bookings.create("wgt_demo", { slotId: slot!.id, name: "Ada Lovelace", email: "ada@example.com" });
    }

    // WebKitGTK will not make a window narrower than 447 CSS px: the phone case runs in the other engines.
    const devices: Array<[string, PageOptions]> = [["desktop", DESKTOP]];
    if (name !== "webkit") devices.push(["phone", PHONE]);

    it.each(devices)("on a %s: shows, reschedules and cancels the booking", async (_, device) => {
      await e2e.server.admin.widgets.update("wgt_demo", {
        location: { kind: "in_person", address: "Studio 4, 12 Market Street" },
        organizer: { name: "Maya Chen", email: "maya@school.example" },
      });
      const { booking, manageToken } = await book();
      const url = `${e2e.server.url}/manage/${booking.id}?token=${encodeURIComponent(manageToken)}`;
      const tab = await e2e.open({ ...device, timezoneId: "America/New_York", locale: "en-US" }, url);
      await tab.waitFor(app.role("heading", "You're booked"));
      await expect.poll(() => tab.count(app.text("Eastern Time"))).toBe(1);
      await expect.poll(() => tab.count(app.text("Studio 4, 12 Market Street"))).toBe(1);
      expect(await tab.count(app.role("link", "Write to Maya Chen"))).toBe(1);
      // The token left the address bar's query for the fragment, which no request carries.
      const address = await tab.evaluate(() => location.href);
      expect(address).not.toContain("?token=");
      expect(address).toContain("#token=");

      await tab.click(app.role("button", "Reschedule"));
      await tab.waitFor(app.role("heading", "Pick a new time"));
      await tab.click(app.role("radiogroup", "Time").role("radio").enabled().first());
      await tab.click(app.role("button", "Move my booking here"));
      await tab.waitFor(app.role("heading", "Your booking is moved"));
      const moved = await e2e.server.admin.bookings.get(booking.id);
      expect(moved.status).toBe("confirmed");
      expect(moved.slot.id).not.toBe(booking.slot.id);

      await tab.click(app.role("button", "Cancel booking"));
      await tab.waitFor(app.role("heading", /^Cancel your seat on .+\?$/));
      expect(await tab.count(app.text(/This cannot be undone/))).toBe(1);
      await tab.click(app.role("button", "Yes, cancel"));
      await tab.waitFor(app.role("heading", "Your booking is cancelled."));
      expect((await e2e.server.admin.bookings.get(booking.id)).status).toBe("cancelled");

      expect(await tab.cspViolations()).toEqual([]);
      expect((await tab.record()).errors).toEqual([]);
      await tab.close();
    });

    it("reschedules and cancels with the keyboard alone", async () => {
      const { booking, manageToken } = await book();
      const url = `${e2e.server.url}/manage/${booking.id}?token=${encodeURIComponent(manageToken)}`;
      const tab = await e2e.open({ ...DESKTOP, timezoneId: "Europe/Berlin", locale: "en-GB" }, url);
      await tab.waitFor(app.role("heading", "You're booked"));
      /**
       * Tab until focus is on a control named `name`, then press `then`: forwards at most 12 stops, then backwards
       * (Firefox does not wrap from the page's last stop to its first; it goes on to the browser's own controls).
       */
      const tabTo = async (name: string | RegExp, then = "Enter") => {
        for (const step of [...Array(12).fill("Tab"), ...Array(24).fill("Shift+Tab")] as string[]) {
          await tab.press(step);
          const at = await focused(tab);
          if (typeof name === "string" ? at.name === name : name.test(at.name ?? "")) {
            if (then) await tab.press(then);
            return at;
          }
        }
        throw new Error(`${name} is not reachable with Tab or Shift+Tab`);
      };
      await tabTo("Reschedule");
      await tab.waitFor(app.role("heading", "Pick a new time"));
      // The widget's picker: the day group, then the times; Space chooses the focused time.
      const time = await tabTo(/seats? left/, "Space");
      expect(time.role).toBe("radio");
      await expect.poll(async () => (await focused(tab)).checked).toBe("true");
      await tabTo("Move my booking here");
      await tab.waitFor(app.role("heading", "Your booking is moved"));
      expect((await e2e.server.admin.bookings.get(booking.id)).slot.id).not.toBe(booking.slot.id);

      await tabTo("Cancel booking");
      await tab.waitFor(app.role("heading", /^Cancel your seat on .+\?$/));
      await tabTo("Yes, cancel");
      await tab.waitFor(app.role("heading", "Your booking is cancelled."));
      expect((await e2e.server.admin.bookings.get(booking.id)).status).toBe("cancelled");
      expect(await tab.cspViolations()).toEqual([]);
      await tab.close();
    });

    it("answers a wrong link with what to do", async () => {
      const { booking } = await book();
      const tab = await e2e.open(DESKTOP, `${e2e.server.url}/manage/${booking.id}?token=wrong`);
      await tab.waitFor(app.role("heading", "This booking link does not work"));
      expect(await tab.count(app.text(/Use the link in your confirmation email/))).toBe(1);
      expect(await tab.cspViolations()).toEqual([]);
      await tab.close();
    });
  });
});
