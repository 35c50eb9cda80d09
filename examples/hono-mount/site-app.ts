/**
 * @module A site's own Hono app that mounts the whole Slotbook API under `/booking`: one process, one origin, and
 * the site keeps its own routes. This is the part to copy into an existing app.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { createApp, type KeyRing, type Store } from "slotbook/server";

/** What the site needs to mount Slotbook. */
export interface SiteOptions {
  store: Store;
  keys: KeyRing;
  /** Where visitors reach the mounted API, prefix included, e.g. `http://localhost:3000/booking`. */
  publicUrl: string;
  /** The widget the home page shows. */
  widgetId: string;
  /** A bootstrap admin key for the mounted admin API (`SLOTBOOK_ADMIN_KEY`). */
  adminKey?: string;
}

/**
 * The site: `/` and `/about` are its own pages, `/booking/*` is Slotbook.
 * @example serve({ fetch: createSiteApp({ store, keys, publicUrl, widgetId }).fetch, port: 3000 });
 */
export function createSiteApp({ store, keys, publicUrl, widgetId, adminKey }: SiteOptions): Hono {
  const site = new Hono();

  site.get("/", (c) =>
    c.html(html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Acme Dance School</title></head>
  <body>
    <h1>Acme Dance School</h1>
    <p>Your first class is free. Pick a time:</p>
    <div data-slotbook="${widgetId}"></div>
    <!-- data-api: the API lives under /booking, not at the origin's root where the widget would look by default. -->
    <script async src="${publicUrl}/widget.js" data-api="${publicUrl}"></script>
    <p><a href="/about">About us</a></p>
  </body>
</html>`),
  );
  site.get("/about", (c) => c.text("Acme Dance School: salsa, tango and swing since 1998."));

  // Everything Slotbook serves (API, widget.js, manage pages, docs) now answers under /booking.
  site.route("/booking", createApp({ store, keys, publicUrl, ...(adminKey ? { adminKey } : {}), log: false }));
  return site;
}
