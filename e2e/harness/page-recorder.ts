/**
 * @module Test helper: the script the host site puts first in every page's `<head>`, so it runs before any other in
 * every engine (WebDriver classic has no init scripts). It records CSP violations (composed, so ones from inside
 * shadow roots arrive too), uncaught errors, console warnings and errors, and the widget's host-page events.
 */

/** One `securitypolicyviolation` event, as reported to the page. */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** One `slotbook:*` event heard on window in the capture phase. */
export interface HeardEvent {
  type: string;
  /** `window`, or the id of the element it was dispatched on. */
  on: string;
  detail: Record<string, unknown>;
}

/** What the recorder has heard so far. */
export interface PageRecord {
  csp: CspViolation[];
  errors: string[];
  console: { type: string; text: string }[];
  events: HeardEvent[];
}

/** Where the host site serves it. */
export const RECORDER_PATH = "/__e2e/recorder.js";

/** Its source, a classic script (the strict CSP allows it: it comes from the page's own origin). */
export const RECORDER_SOURCE = `(() => {
  const log = (window.__e2e = { csp: [], errors: [], console: [], events: [] });
  addEventListener("securitypolicyviolation", (e) => {
    log.csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ":" + e.lineNumber });
  }, true);
  addEventListener("error", (e) => log.errors.push(e.message || String(e.error)));
  addEventListener("unhandledrejection", (e) => log.errors.push(String((e.reason && e.reason.message) || e.reason)));
  for (const [method, type] of [["warn", "warning"], ["error", "error"]]) {
    const original = console[method];
    console[method] = function (...args) {
      log.console.push({ type, text: args.map(String).join(" ") });
      return original.apply(this, args);
    };
  }
  // Events do not bubble, but the capture phase passes window for those on elements too.
  for (const type of ["slotbook:ready", "slotbook:slot-selected", "slotbook:booked"]) {
    addEventListener(type, (event) => {
      const on = event.target === window ? "window" : event.target.id;
      log.events.push({ type, on, detail: event.detail });
    }, true);
  }
})();
`;

/** `html` with the recorder's script tag first in its `<head>` (or first of all, if it has none). */
export function withRecorder(html: string): string {
  const tag = `<script src="${RECORDER_PATH}"></script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${tag}`) : tag + html;
}
