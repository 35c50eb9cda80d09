/** @module Test helper: headless Chromium for the browser tests, launched the same way by every file and script. */
import { existsSync } from "node:fs";
import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";

/** Where the system Chromium lives (`apt-get install chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Whether the browser tests can run on this machine; they are skipped otherwise, except under CI (`CI` set), where
 * a missing browser fails the run instead of passing it with the browser suites silently skipped.
 */
export const HAS_CHROMIUM = requireChromium();

function requireChromium(): boolean {
  const found = existsSync(CHROMIUM);
  if (!found && process.env.CI) throw new Error(`CI is set but ${CHROMIUM} is missing: apt-get install chromium`);
  return found;
}

// No sandbox (containers have no user namespaces), no GPU, and none of the background traffic a test does not need.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launch one Chromium; share it across a test file and give each test its own context. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A laptop screen. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** A small Android phone (360 × 740 CSS pixels, touch), the narrowest common size. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
