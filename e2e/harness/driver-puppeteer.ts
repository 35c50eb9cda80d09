/**
 * @module Test helper: the `Engine` for Firefox (Debian's firefox-esr), through puppeteer-core over WebDriver BiDi.
 * BiDi has no colour-scheme or locale emulation in puppeteer, so those are Firefox preferences: one Firefox per
 * (locale, colour scheme) a file asks for, launched on first use; each `open` is a fresh user context in it.
 */
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from "puppeteer-core";
import type { ConsoleMessage, Engine, EnginePage, PageOptions } from "./driver.js";

/** Where Debian's Firefox lives (`apt-get install firefox-esr`). */
export const FIREFOX = "/usr/bin/firefox-esr";

function launch(locale: string | undefined, colorScheme: string | undefined): Promise<Browser> {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      ...(locale && { "intl.accept_languages": locale, "intl.locale.requested": locale }),
      // 0 dark, 1 light, 2 follow the browser (Firefox's own pref values).
      ...(colorScheme && { "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1 }),
    },
  });
}

/** `Shift+Tab` → press Tab with Shift held; Playwright's `ControlOrMeta` is Control on Linux. */
async function chord(page: Page, key: string): Promise<void> {
  const parts = key.split("+").map((k) => (k === "ControlOrMeta" ? "Control" : k === "Space" ? " " : k));
  const main = parts.pop() as KeyInput;
  for (const m of parts) await page.keyboard.down(m as KeyInput);
  await page.keyboard.press(main);
  for (const m of parts.reverse()) await page.keyboard.up(m as KeyInput);
}

/** Firefox through BiDi; launches nothing until the first `open`. */
export async function puppeteerEngine(): Promise<Engine> {
  const browsers = new Map<string, Promise<Browser>>();
  return {
    name: "firefox",
    console: true,
    async open(options: PageOptions): Promise<EnginePage> {
      const key = `${options.locale ?? ""}|${options.colorScheme ?? ""}`;
      if (!browsers.has(key)) browsers.set(key, launch(options.locale, options.colorScheme));
      const context = await (await browsers.get(key)!).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({
        ...options.viewport,
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        hasTouch: options.touch ?? false,
        isMobile: options.touch ?? false,
      });
      if (options.timezoneId) await page.emulateTimezone(options.timezoneId);
      const console: ConsoleMessage[] = [];
      page.on("console", (m) => console.push({ type: m.type(), text: m.text() }));
      page.on("pageerror", (e) => console.push({ type: "pageerror", text: String((e as Error).message ?? e) }));
      return {
        console,
        goto: async (url) => {
          await page.goto(url);
        },
        evaluate: (expression) => page.evaluate(expression) as never,
        async click(expression, how) {
          const element = (await page.evaluateHandle(expression)).asElement() as ElementHandle<Element> | null;
          if (!element) throw new Error(`not an element: ${expression.slice(0, 200)}`);
          await (how === "tap" ? element.tap() : element.click());
        },
        press: (k) => chord(page, k),
        type: (text) => page.keyboard.type(text),
        mouseMove: (x, y) => page.mouse.move(x, y),
        // puppeteer has no download events over BiDi.
        download: async (action) => {
          await action();
          return "unsupported";
        },
        close: () => context.close(),
      };
    },
    async close() {
      await Promise.all([...browsers.values()].map(async (b) => (await b).close()));
    },
  };
}
