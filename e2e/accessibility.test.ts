/**
 * @module axe-core on the widget's three steps (slot choice, the form with its errors, the confirmation) inside its
 * shadow root, light on a desktop and dark on a phone, and on the popup dialog: no serious or critical violation.
 * The pages carry no CSP here because axe is injected as an inline script; the CSP runs elsewhere prove the rest.
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runAxe } from "./harness/axe.js";
import { DESKTOP, HAS_CHROMIUM, PHONE } from "./harness/chromium.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { fillForm, press, submitBooking, widgetAt } from "./harness/widget-steps.js";

const LOOKS: { look: string; context: BrowserContextOptions }[] = [
  { look: "light, desktop", context: { ...DESKTOP, colorScheme: "light" } },
  { look: "dark, phone", context: { ...PHONE, colorScheme: "dark" } },
];

describe.skipIf(!HAS_CHROMIUM)("accessibility (axe-core)", () => {
  const e2e = useE2eSite();

  /** axe's verdict on the page as it is now; the widget's own elements must have been among those checked. */
  const expectAccessible = async (page: Page, step: string) => {
    const { blocking, inShadow } = await runAxe(page);
    expect({ step, blocking }).toEqual({ step, blocking: [] });
    expect(inShadow).toBeGreaterThan(5);
  };

  it.each(LOOKS)("inline, $look: slot step, form with errors, confirmation", async ({ context: options }) => {
    const { context, page } = await e2e.newPage(options);
    await page.goto(e2e.site.url("inline.html"));
    const widget = widgetAt(page, "[data-slotbook]", options.hasTouch === true);
    const mode = await widget.host.locator(".root").getAttribute("class");
    expect(mode).toContain("auto"); // the demo widget follows the visitor's colour scheme
    const times = widget.host.getByRole("radiogroup", { name: "Time" }).getByRole("radio");
    await times.first().waitFor();
    await press(widget, times.and(page.locator(":enabled")).first());
    await expectAccessible(page, "slot step");

    await press(widget, widget.host.getByRole("button", { name: "Continue" }));
    await fillForm(widget, { name: "", email: "not-an-email", phone: "12" });
    await press(widget, widget.host.getByRole("button", { name: "Book now" }));
    await expect.poll(() => widget.host.locator("[aria-invalid=true]").count()).toBe(3);
    await expectAccessible(page, "form with errors");

    await fillForm(widget, { name: "Ada Axe", email: `axe.${options.colorScheme}@example.com`, phone: "" });
    await submitBooking(widget);
    await expectAccessible(page, "confirmation");
    await context.close();
  });

  it("popup dialog, light, desktop", async () => {
    const { context, page } = await e2e.newPage(DESKTOP);
    await page.goto(e2e.site.url("popup.html"));
    await page.getByRole("button", { name: "Book a free demo class" }).click();
    await page.getByRole("dialog").getByRole("radiogroup", { name: "Time" }).waitFor();
    await expectAccessible(page, "popup slot step");
    await context.close();
  });
});
