/** @module The size budget of `/widget.js`: its gzipped ceiling and the identifiers that must never be in it. */

/**
 * Gzipped ceiling of the embed script. Raise it only in the commit that grows the bundle, saying why.
 *
 * The product asked for 22,000 bytes. The shared stack alone is over that before any widget code: Preact + hooks
 * 5.5 kB, `bookingRequestSchema` (zod/mini) 8.0 kB, ky 4.4 kB, and the rest of the SDK client (response schemas,
 * SlotbookError, options) 5.0 kB = 22.8 kB gzipped, measured with this Vite config on a bundle that only imports
 * them. The widget's own UI, stylesheet and English strings add about 10 kB. 34,000 holds today's 33.2 kB with
 * room for fixes only; see `npm run size` for the split and the report of this commit for ways down.
 */
export const WIDGET_GZIP_CEILING = 34_000;

/** Server code, Node built-ins and string-to-code or HTML-injection APIs: none belongs in a script on other people's pages. */
export const FORBIDDEN_IN_WIDGET = [
  "better-sqlite3",
  "kysely",
  "node:",
  "hono",
  "process.env",
  "eval(",
  "new Function",
  "document.write",
] as const;

/**
 * Forbidden in every bundled module but Preact's core, whose `dangerouslySetInnerHTML` branch writes `innerHTML`
 * only for a vnode carrying that prop; the widget's sources never pass it (checked by the size test).
 */
export const FORBIDDEN_OUTSIDE_PREACT = [
  "innerHTML",
  "outerHTML",
  "insertAdjacentHTML",
  "dangerouslySetInnerHTML",
] as const;
