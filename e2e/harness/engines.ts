/**
 * @module Test helper: which engines this machine can run, and how to launch each. Without a browser the suites
 * of that engine are skipped, except under CI (`CI` set), where a missing browser or driver fails the run instead.
 */
import { existsSync } from "node:fs";
import { CHROMIUM } from "./chromium.js";
import type { Engine, EngineName } from "./driver.js";
import { playwrightEngine } from "./driver-playwright.js";
import { FIREFOX, puppeteerEngine } from "./driver-puppeteer.js";
import { MINIBROWSER, WEBKIT_DRIVER, webdriverEngine, XVFB } from "./driver-webdriver.js";

/** What each engine needs on disk, and the apt package that brings it. */
const NEEDS: Record<EngineName, { files: (string | undefined)[]; apt: string }> = {
  chromium: { files: [CHROMIUM], apt: "chromium" },
  firefox: { files: [FIREFOX], apt: "firefox-esr" },
  // MiniBrowser draws on X: Xvfb unless the machine has a display.
  webkit: {
    files: [WEBKIT_DRIVER, MINIBROWSER, process.env.DISPLAY ? WEBKIT_DRIVER : XVFB],
    apt: "webkit2gtk-driver xvfb",
  },
};

const LAUNCH: Record<EngineName, () => Promise<Engine>> = {
  chromium: playwrightEngine,
  firefox: puppeteerEngine,
  webkit: webdriverEngine,
};

function available(name: EngineName): boolean {
  const missing = NEEDS[name].files.filter((f) => f === undefined || !existsSync(f));
  if (missing.length > 0 && process.env.CI)
    throw new Error(`CI is set but ${name} is missing (${missing.join(", ")}): apt-get install ${NEEDS[name].apt}`);
  return missing.length === 0;
}

/**
 * Every engine, with whether it can run here; `SLOTBOOK_ENGINES=chromium,firefox` narrows a local run.
 * @example describe.each(ENGINES)("$name", ({ name, available }) => …)
 */
export const ENGINES: { name: EngineName; available: boolean }[] = (["chromium", "firefox", "webkit"] as const)
  .filter((name) => !process.env.SLOTBOOK_ENGINES || process.env.SLOTBOOK_ENGINES.split(",").includes(name))
  .map((name) => ({ name, available: available(name) }));

/** Launch one engine (share it across a test file; each `open` is a fresh page with its own settings). */
export function launchEngine(name: EngineName): Promise<Engine> {
  return LAUNCH[name]();
}
