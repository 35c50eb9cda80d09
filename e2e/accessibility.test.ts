/**
 * @module axe-core on the widget's three steps (slot choice, the form with its errors, the confirmation) inside its
 * shadow root, light on a desktop and dark on a phone, and on the popup dialog: no serious or critical violation.
 * The pages carry no CSP here because axe is injected as an inline script; the CSP runs elsewhere prove the rest.
 */
import { describe, expect, it } from "vitest";
import { runAxe } from "./harness/axe.js";
import type { BrowserPage as Page } from "./harness/browser-page.js";
import { DESKTOP, type PageOptions, PHONE } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { query } from "./harness/query.js";
import { fillForm, press, submitBooking, widgetAt } from "./harness/widget-steps.js";

const LOOKS: { look: string; context: PageOptions }[] = [
  { look: "light, desktop", context: { ...DESKTOP, colorScheme: "light" } },
  { look: "dark, phone", context: { ...PHONE, colorScheme: "dark" } },
];

describe.each(ENGINES)("accessibility (axe-core) in $name", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    const e2e = useE2eSite(name);

    /** axe's verdict on the page as it is now; the widget's own elements must have been among those checked. */
    const expectAccessible = async (page: Page, step: string) => {
      // Past any colour transition (150 ms): mid-way, WebKit's axe run caught the chosen time's text at low contrast.
      await new Promise((r) => setTimeout(r, 300));
      const { blocking, inShadow } = await runAxe(page);
      expect({ step, blocking }).toEqual({ step, blocking: [] });
      expect(inShadow).toBeGreaterThan(5);
    };

    it.each(LOOKS)("inline, $look: slot step, form with errors, confirmation", async ({ context: options }) => {
      const page = await e2e.open(options, e2e.site.url("inline.html"));
      const widget = widgetAt(page, "[data-slotbook]");
      const mode = await page.attr(widget.host.css(".root"), "class");
      expect(mode).toContain("auto"); // the demo widget follows the visitor's colour scheme
      const times = widget.host.role("radiogroup", "Time").role("radio");
      await page.waitFor(times.first());
      await press(widget, times.enabled().first());
      await expectAccessible(page, "slot step");

      await press(widget, widget.host.role("button", "Continue"));
      await fillForm(widget, { name: "", email: "not-an-email", phone: "12" });
      await press(widget, widget.host.role("button", "Book now"));
      await expect.poll(() => page.count(widget.host.css("[aria-invalid=true]"))).toBe(3);
      await expectAccessible(page, "form with errors");

      await fillForm(widget, { name: "Ada Axe", email: `axe.${options.colorScheme}@example.com`, phone: "" });
      await submitBooking(widget);
      await expectAccessible(page, "confirmation");
      await page.close();
    });

    it("popup dialog, light, desktop", async () => {
      const page = await e2e.open(DESKTOP, e2e.site.url("popup.html"));
      await page.click(query().role("button", "Book a free demo class"));
      await page.waitFor(query().role("dialog").role("radiogroup", "Time"));
      await expectAccessible(page, "popup slot step");
      await page.close();
    });
  });
});
