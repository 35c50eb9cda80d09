/** @module The size budget of `/widget.js`: its gzipped ceiling and the identifiers that must never be in it. */

/**
 * 22,000 bytes gzipped: the product's ceiling for the embed script (a phone on 3G fetches it in well under a second).
 * Raise it only in the commit that grows the bundle, saying why.
 */
export const WIDGET_GZIP_CEILING = 22_000;

/** Server code, Node built-ins and string-to-code or HTML-injection APIs: none belongs in a script on other people's pages. */
export const FORBIDDEN_IN_WIDGET = [
  "better-sqlite3",
  "kysely",
  "node:",
  "hono",
  "process.env",
  "eval(",
  "new Function",
  "innerHTML",
  "document.write",
] as const;
