/**
 * @module The README's screenshots, taken from the example pages in headless Chromium against a real server:
 * `npx tsx e2e/screenshots.ts` writes docs/screenshots/*.png. Not a test: run it after a visible change.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { build, ROOT } from "./build.js";
import { BrowserPage } from "./harness/browser-page.js";
import { DESKTOP, launchChromium, PHONE } from "./harness/chromium.js";
import { playwrightPage } from "./harness/driver-playwright.js";
import { startHostSite } from "./harness/host-site.js";
import { query } from "./harness/query.js";
import { startTestServer } from "./harness/slotbook-server.js";
import { fillForm, pickSlot, press, submitBooking, type Widget, widgetAt } from "./harness/widget-steps.js";

const OUT = join(ROOT, "docs", "screenshots");
// One zone and language for every picture, so they agree with each other whoever takes them.
const PLACE: BrowserContextOptions = { timezoneId: "America/New_York", locale: "en-US" };
// 200 KB: a README stays quick to load on a phone with four of these.
const MAX_BYTES = 200_000;

await build();
const server = await startTestServer();
const site = await startHostSite({ api: server.url });
const browser = await launchChromium();

/** A fresh page on `path`: the Playwright page (for the picture) and the harness's view of it (for the steps). */
async function open(b: Browser, path: string, context: BrowserContextOptions): Promise<Page & { steps: BrowserPage }> {
  const page = await (await b.newContext({ ...PLACE, ...context })).newPage();
  await page.goto(site.url(path));
  const touch = context.hasTouch === true;
  const steps = new BrowserPage(
    "chromium",
    { viewport: context.viewport!, touch },
    playwrightPage(page, () => page.close()),
  );
  return Object.assign(page, { steps });
}

/** Choose the first free time without going on, so the picture shows a selection. */
async function chooseTime(widget: Widget): Promise<void> {
  await press(widget, widget.host.role("radiogroup", "Time").role("radio").enabled().first());
}

async function save(page: Page, name: string): Promise<void> {
  // Nothing blinks or moves in the picture: no caret, no transition half-way.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, caret: "hide", animations: "disabled" });
  const { size } = await stat(path);
  process.stdout.write(`${path} ${Math.round(size / 1000)} kB${size > MAX_BYTES ? "  (over 200 kB!)" : ""}\n`);
}

try {
  await mkdir(OUT, { recursive: true });

  // 1. The slot step, light, on a laptop: a day and a time chosen.
  const desktop = await open(browser, "inline.html", { ...DESKTOP, colorScheme: "light" });
  const inline = widgetAt(desktop.steps, "[data-slotbook]");
  await desktop.steps.waitFor(inline.host.role("radiogroup", "Time"));
  await chooseTime(inline);
  await save(desktop, "slot-step-light-desktop");

  // 2. The form, dark, on a phone: details typed, one mistake pointed out.
  const dark = await open(browser, "inline.html", { ...PHONE, colorScheme: "dark" });
  const darkWidget = widgetAt(dark.steps, "[data-slotbook]");
  await pickSlot(darkWidget);
  await fillForm(darkWidget, { name: "Ada Lovelace", email: "ada@example", phone: "+44 20 7946 0958" });
  await press(darkWidget, darkWidget.host.role("button", "Book now"));
  await dark.steps.waitFor(darkWidget.host.css("[aria-invalid=true]"));
  await dark.steps.evaluateOn(darkWidget.host.role("button", "Book now"), (el) =>
    el.scrollIntoView({ block: "nearest" }),
  );
  await save(dark, "form-dark-phone");

  // 3. The confirmation, light, on a phone.
  const light = await open(browser, "inline.html", { ...PHONE, colorScheme: "light" });
  const lightWidget = widgetAt(light.steps, "[data-slotbook]");
  await pickSlot(lightWidget);
  await fillForm(lightWidget, { name: "Grace Hopper", email: "grace@example.com", phone: "+1 202 555 0147" });
  await submitBooking(lightWidget);
  await light.steps.evaluateOn(lightWidget.host.role("heading", "You're booked"), (el) =>
    el.scrollIntoView({ block: "nearest" }),
  );
  await save(light, "confirmation-light-phone");

  // 4. The popup over the marketer's page, on a laptop.
  const popupPage = await open(browser, "popup.html", { ...DESKTOP, colorScheme: "light" });
  await popupPage.steps.click(query().role("button", "Book a free demo class"));
  const popup = widgetAt(popupPage.steps, "[data-slotbook-popup]");
  await popupPage.steps.waitFor(popup.host.role("radiogroup", "Time"));
  await chooseTime(popup);
  await save(popupPage, "popup-desktop");
} finally {
  await browser.close();
  await site.close();
  await server.close();
}
