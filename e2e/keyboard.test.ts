/**
 * @module Issue 3 with the keyboard alone (no click anywhere): choose a day and time, meet and fix field errors,
 * book, add to calendar, cancel; in the popup and the floating button's dialog, focus stays inside, Esc closes and
 * focus goes back to the opener. On the example pages, across origins, under the strict CSP.
 */
import { describe, expect, it } from "vitest";
import type { BrowserPage as Page } from "./harness/browser-page.js";
import { DESKTOP } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { focused } from "./harness/focus.js";
import { query } from "./harness/query.js";

describe.each(ENGINES)("keyboard only in $name", ({ name: engine, available }) => {
  describe.skipIf(!available)(engine, () => {
    const e2e = useE2eSite(engine);

    /** A page of the host site with a CSP recorder; every test ends by checking it stayed empty. */
    const open = async (path: string) => {
      const page = await e2e.open(DESKTOP, e2e.site.url(path, { strict: true }));
      return { page, violations: () => page.cspViolations(), close: () => page.close() };
    };
    const key = (page: Page, ...keys: string[]) =>
      keys.reduce((done, k) => done.then(() => page.press(k)), Promise.resolve());

    /**
     * From focus on the day group: the last open day (End), the first open time on it (Tab, Space), Continue (Tab,
     * Enter); then a submit with nothing typed, the errors, and a correct booking. Resolves to the booking id.
     */
    const bookByKeyboard = async (page: Page, email: string): Promise<string> => {
      await expect.poll(() => focused(page)).toMatchObject({ role: "radio", checked: "true" });
      await key(page, "End");
      await expect.poll(() => focused(page)).toMatchObject({ role: "radio", checked: "true" });
      await key(page, "Tab");
      await expect
        .poll(() => focused(page))
        .toMatchObject({ role: "radio", checked: "false", name: expect.stringMatching(/seats left/) });
      await key(page, "Space");
      await expect.poll(() => focused(page)).toMatchObject({ role: "radio", checked: "true" });
      await key(page, "Tab");
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Continue" });
      await key(page, "Enter");
      await expect.poll(() => focused(page)).toMatchObject({ tag: "input", id: "name" });

      // Enter on an empty form: the errors appear, tied to their inputs, and focus goes to the first one.
      await key(page, "Enter");
      await expect.poll(async () => (await focused(page)).id).toBe("name");
      const name = query().css("#name");
      expect(await page.attr(name, "aria-invalid")).toBe("true");
      expect(await page.text(query().css(`#${await page.attr(name, "aria-describedby")}`))).toBe("Enter your name");

      await page.type("Ada Keyboard");
      await key(page, "Tab");
      await page.type("ada@");
      await key(page, "Tab");
      await expect.poll(() => focused(page)).toMatchObject({ id: "phone" });
      await page.type("+1 202 555 0147");
      await key(page, "Enter");
      await expect.poll(async () => (await focused(page)).id).toBe("email");
      await key(page, "ControlOrMeta+A");
      await page.type(email);
      await key(page, "Enter");

      // The confirmation's heading takes focus; Tab reaches "Add to calendar" first, the primary action.
      await expect.poll(async () => (await focused(page)).name).toBe("You're booked");
      await key(page, "Tab");
      const calendar = await focused(page);
      expect(calendar).toMatchObject({ tag: "a", name: "Add to calendar" });
      const href = await page.attr(query().role("link", "Add to calendar"), "href");
      return /bookings\/(bkg_[\w-]+)\//.exec(href!)![1]!;
    };

    /**
     * From focus on "Add to calendar": Tab past "Manage booking" (a link to a new tab), Tab to "Cancel booking", Enter
     * opens the question, Shift+Tab to "Yes, cancel", Space.
     */
    const cancelByKeyboard = async (page: Page) => {
      await key(page, "Tab");
      await expect
        .poll(() => focused(page))
        .toMatchObject({ tag: "a", name: expect.stringMatching(/^Manage booking\s+\(opens in a new tab\)$/) });
      await key(page, "Tab");
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Cancel booking" });
      await key(page, "Enter");
      // The safe answer takes focus (in an effect, after the question has rendered), which replaces "You're booked".
      await expect.poll(async () => (await focused(page)).name).toBe("Keep booking");
      expect(await page.count(query().role("heading", "Cancel this booking?"))).toBe(1);
      expect(await page.count(query().role("heading", "You're booked"))).toBe(0);
      await key(page, "Shift+Tab");
      await expect.poll(() => focused(page)).toMatchObject({ name: "Yes, cancel" });
      await key(page, "Space");
      await expect.poll(async () => (await focused(page)).name).toBe("Your booking is cancelled.");
    };

    it("inline: books, meets errors, adds to calendar and cancels", async () => {
      const { page, violations, close } = await open("inline.html");
      await page.waitFor(query().role("radiogroup", "Day"));
      // The widget does not take focus on load; the first Tab on the page enters it at the chosen day.
      await expect.poll(() => focused(page)).toMatchObject({ tag: "body" });
      await key(page, "Tab");
      expect((await focused(page)).host).toBe("data-slotbook");

      const bookingId = await bookByKeyboard(page, "ada.inline@example.com");
      expect(await e2e.server.admin.bookings.get(bookingId)).toMatchObject({
        status: "confirmed",
        name: "Ada Keyboard",
        email: "ada.inline@example.com",
        phone: "+12025550147",
      });
      await cancelByKeyboard(page);
      expect((await e2e.server.admin.bookings.get(bookingId)).status).toBe("cancelled");
      expect(await violations()).toEqual([]);
      await close();
    });

    // WebKitWebDriver (GTK) delivers Shift+Tab as key "Unidentified" (GTK's ISO_Left_Tab) with keyCode 9: the trap
    // checks both, and this case holds in every engine.
    it("popup: opens with Enter, traps Tab both ways, books, Esc closes and focus returns to the opener", async () => {
      const { page, violations, close } = await open("popup.html");
      await key(page, "Tab");
      await expect.poll(() => focused(page)).toMatchObject({ host: "", tag: "button", name: "Book a free demo class" });
      await key(page, "Enter");
      const dialog = query().role("dialog", "Book a free demo class");
      await page.waitFor(dialog.role("radiogroup", "Day"));
      expect(await page.attr(dialog, "aria-modal")).toBe("true");

      // Twice round the dialog forwards, then backwards: every stop is inside it, and it wraps.
      const stops: string[] = [];
      for (let i = 0; i < 8; i++) {
        await key(page, "Tab");
        const at = await focused(page);
        expect(at.host).toBe("data-slotbook-popup");
        stops.push(`${at.tag}:${at.name}`);
      }
      expect(stops).toContain("button:Close");
      expect(new Set(stops).size).toBeLessThan(stops.length);
      for (let i = 0; i < 8; i++) {
        await key(page, "Shift+Tab");
        expect((await focused(page)).host).toBe("data-slotbook-popup");
      }

      // Esc closes; focus is back on the button that opened it.
      await key(page, "Escape");
      await expect.poll(() => page.count(query().css("[data-slotbook-popup]"))).toBe(0);
      await expect.poll(() => focused(page)).toMatchObject({ host: "", tag: "button", name: "Book a free demo class" });

      // Open again, and book: the dialog has focus, Tab goes to Close, Tab again to the day.
      await key(page, "Enter");
      await page.waitFor(dialog.role("radiogroup", "Day"));
      await key(page, "Tab");
      await expect.poll(() => focused(page)).toMatchObject({ name: "Close" });
      await key(page, "Tab");
      const bookingId = await bookByKeyboard(page, "ada.popup@example.com");
      // On the form step too the trap holds: a long walk of Tabs never leaves the dialog.
      for (let i = 0; i < 6; i++) {
        await key(page, "Tab");
        expect((await focused(page)).host).toBe("data-slotbook-popup");
      }
      await key(page, "Escape");
      await expect.poll(() => page.count(query().css("[data-slotbook-popup]"))).toBe(0);
      await expect.poll(() => focused(page)).toMatchObject({ host: "", name: "Book a free demo class" });
      expect((await e2e.server.admin.bookings.get(bookingId)).status).toBe("confirmed");
      expect(await violations()).toEqual([]);
      await close();
    });

    it("floating button: reached by Tab, opens with Space, Esc gives focus back to it", async () => {
      const { page, violations, close } = await open("floating.html");
      await page.waitFor(query().role("button", "Book a demo"));
      await key(page, "Tab");
      await expect
        .poll(() => focused(page))
        .toMatchObject({ host: "data-slotbook-floating-host", name: "Book a demo" });
      await key(page, "Space");
      const dialog = query().role("dialog", "Book a free demo class");
      await page.waitFor(dialog.role("radiogroup", "Day"));
      expect((await focused(page)).host).toBe("data-slotbook-popup");
      await key(page, "Tab", "Tab");
      const bookingId = await bookByKeyboard(page, "ada.floating@example.com");
      await cancelByKeyboard(page);
      expect((await e2e.server.admin.bookings.get(bookingId)).status).toBe("cancelled");
      await key(page, "Escape");
      await expect.poll(() => page.count(query().css("[data-slotbook-popup]"))).toBe(0);
      await expect
        .poll(() => focused(page))
        .toMatchObject({ host: "data-slotbook-floating-host", name: "Book a demo" });
      expect(await violations()).toEqual([]);
      await close();
    });
  });
});
