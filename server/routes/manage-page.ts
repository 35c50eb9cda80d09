/** @module The visitor's manage page (`/manage/{id}?token=`): the shell manage.js mounts into, with its headers. */
import type { Context } from "hono";
import { getOwnBooking } from "../domain/booking-manage.js";
import { DomainError } from "../domain/domain-error.js";
import type { AppEnv } from "../http/env.js";
import { managePage } from "../pages/manage-page.js";
import type { RouteContext } from "./context.js";

/**
 * The page's Content-Security-Policy: our own script, and calls to our own API; no inline script or style (the app
 * styles itself with constructable stylesheets, as the widget does), no frames, no forms.
 */
function managePolicy(baseUrl: string): string {
  const self = `'self' ${new URL(baseUrl).origin}`;
  return [
    "default-src 'none'",
    `script-src ${self}`,
    `style-src ${self}`,
    `connect-src ${self}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Registers the manage page. */
export function managePageRoutes({ app, deps }: RouteContext): void {
  app.get("/manage/:bookingId", async (c: Context<AppEnv>) => {
    const bookingId = c.req.param("bookingId") ?? "";
    const token = c.req.query("token") ?? "";
    // The token is in the URL, so the page is never cached and never sent on as a Referer.
    c.header("Cache-Control", "private, no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Content-Security-Policy", managePolicy(deps.publicUrl));
    // The status tells what the app will show: 401 for a wrong token, 404 for an unknown booking. Without a token
    // (a reload after the app moved it into the fragment, see manage-target.ts) the app asks the API itself.
    let status: 200 | 401 | 404 = 200;
    if (token) {
      try {
        await getOwnBooking(deps, bookingId, token);
      } catch (err) {
        if (!(err instanceof DomainError) || (err.code !== "not_found" && err.code !== "unauthorized")) throw err;
        status = err.code === "unauthorized" ? 401 : 404;
      }
    }
    return c.html(managePage(bookingId, token, `${deps.publicUrl}/manage.js`), status);
  });
}
