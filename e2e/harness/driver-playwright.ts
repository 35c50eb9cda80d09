/** @module Test helper: the `Engine` for Chromium, through playwright-core over CDP (as the suites always ran). */
import type { Browser, ElementHandle, Page } from "playwright-core";
import { launchChromium } from "./chromium.js";
import type { ConsoleMessage, Engine, EnginePage, PageOptions } from "./driver.js";

/** Launch Chromium; each `open` is a fresh browser context with the device and the visitor's settings emulated. */
export async function playwrightEngine(): Promise<Engine> {
  const browser: Browser = await launchChromium();
  return {
    name: "chromium",
    console: true,
    async open(options: PageOptions): Promise<EnginePage> {
      const context = await browser.newContext({
        viewport: options.viewport,
        deviceScaleFactor: options.deviceScaleFactor,
        isMobile: options.touch,
        hasTouch: options.touch,
        timezoneId: options.timezoneId,
        locale: options.locale,
        colorScheme: options.colorScheme,
      });
      return playwrightPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

/** A Playwright page as an `EnginePage` (the screenshots script drives its own pages and wraps them). */
export function playwrightPage(page: Page, close: () => Promise<void>): EnginePage {
  const console: ConsoleMessage[] = [];
  page.on("console", (m) => console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => console.push({ type: "pageerror", text: e.message }));
  return {
    console,
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (expression) => page.evaluate(expression),
    async click(expression, how) {
      const element = (await page.evaluateHandle(expression)).asElement() as ElementHandle<Element> | null;
      if (!element) throw new Error(`not an element: ${expression.slice(0, 200)}`);
      await (how === "tap" ? element.tap() : element.click());
    },
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    mouseMove: (x, y) => page.mouse.move(x, y),
    async download(action) {
      const [download] = await Promise.all([page.waitForEvent("download"), action()]);
      return { url: download.url(), failure: await download.failure() };
    },
    close,
  };
}
