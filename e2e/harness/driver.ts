/**
 * @module Test helper: the small interface every browser engine implements for the suites (open a page with a
 * viewport, evaluate source, click or tap an element, press keys, move the mouse), like hono's `Router`: one
 * implementation per engine (`driver-playwright.ts`, `driver-puppeteer.ts`, `driver-webdriver.ts`).
 */

/** The engines the browser suites run in. */
export type EngineName = "chromium" | "firefox" | "webkit";

/** How a page is opened: the device and the visitor's settings. */
export interface PageOptions {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
  /** A phone: taps instead of clicks, and `isMobile` where the engine can emulate it. */
  touch?: boolean;
  timezoneId?: string;
  locale?: string;
  colorScheme?: "light" | "dark";
}

/** One console message the engine reported natively (not through the page's own recorder). */
export interface ConsoleMessage {
  type: string;
  text: string;
}

/** A finished download: where from, and the engine's failure reason (null when it succeeded). */
export interface Download {
  url: string;
  failure: string | null;
}

/** One open page of an engine. Expressions are JavaScript source evaluated in the page; promises are awaited. */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** The JSON-serialisable value of `expression`. */
  evaluate<T>(expression: string): Promise<T>;
  /** Click (or tap) the element `expression` yields, as a pointer does: at its centre, after scrolling it in. */
  click(expression: string, how: "click" | "tap"): Promise<void>;
  /** A key or chord in Playwright's names: `Tab`, `Shift+Tab`, `Space`, `End`, `ControlOrMeta+A`. */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Run `action` and report the download it starts, or "unsupported" where the engine tells the test of none. */
  download(action: () => Promise<void>): Promise<Download | "unsupported">;
  /** Console messages the engine reports to the test (empty where it cannot: see `Engine.console`). */
  readonly console: ConsoleMessage[];
  close(): Promise<void>;
}

/** One engine, launched once per test file. */
export interface Engine {
  readonly name: EngineName;
  /** Whether the engine reports console messages to the test itself (WebDriver classic cannot). */
  readonly console: boolean;
  open(options: PageOptions): Promise<EnginePage>;
  close(): Promise<void>;
}

/** A laptop screen. */
export const DESKTOP: PageOptions = { viewport: { width: 1280, height: 800 } };

/** A small Android phone (360 × 740 CSS pixels, touch), the narrowest common size. */
export const PHONE: PageOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, touch: true };
