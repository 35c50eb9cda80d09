/** @module Test helper: records every Content-Security-Policy violation of a page, from before its first script. */
import type { Page } from "playwright-core";

/** One `securitypolicyviolation` event, as reported to the page. */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/**
 * Listen for violations on window in the capture phase (they are composed, so ones from inside shadow roots arrive
 * too) before any page script runs; resolves to a function that reads them. Also counts the console's CSP reports.
 * @example const violations = await recordCspViolations(page); …; expect(await violations()).toEqual([]);
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<CspViolation[]>> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.addEventListener(
      "securitypolicyviolation",
      (event) =>
        window.__cspViolations!.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}`,
        }),
      true,
    );
  });
  const console: CspViolation[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      console.push({ directive: "console", blocked: "", sample: message.text(), source: message.location().url });
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...console];
}
