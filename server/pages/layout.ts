/**
 * @module The plain HTML shell of the server's own pages (demo, docs, manage) and the stylesheet they link: no
 * inline style or script and no other host, so the pages work offline and under a strict Content-Security-Policy.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { toStaticFile } from "../static/static-files.js";
import { PAGES_CSS } from "./pages-css.js";

const CSS_FILE = toStaticFile(Buffer.from(PAGES_CSS));
/** The stylesheet's URL under the app's base, versioned by its content so browsers may keep it for good. */
const CSS_PATH = `/pages.css?v=${CSS_FILE.etag.slice(1, 9)}`;

/** A full page linking our stylesheet from `baseUrl` (where the app is reached, as the pages' links are). */
export function page(
  title: string,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  baseUrl: string,
  options: { wide?: boolean } = {},
) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${baseUrl}${CSS_PATH}"></head><body${options.wide ? html` class="wide"` : ""}>${body}</body></html>`;
}

/** `GET /pages.css`. */
export function stylesheet(c: Context): Response {
  c.header("ETag", CSS_FILE.etag);
  // A year: the URL changes with the content (`?v=`).
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  if (c.req.header("if-none-match") === CSS_FILE.etag) return c.body(null, 304);
  return c.body(new Uint8Array(CSS_FILE.raw), 200, { "content-type": "text/css; charset=utf-8" });
}

/**
 * The Content-Security-Policy of a page without scripts: nothing but our stylesheet (from this origin or the public
 * URL's, which differ behind a proxy) and forms posting back to us.
 */
export function pageHeaders(c: Context, baseUrl: string): void {
  const origin = new URL(baseUrl).origin;
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'self' ${origin}; img-src 'self'; form-action 'self' ${origin}; base-uri 'none'; frame-ancestors 'none'`,
  );
}
