/** @module The visitor's manage page (`/manage/{id}?token=`): see the booking, add it to a calendar, cancel after a question. */
import type { Context } from "hono";
import { manageUrl } from "../domain/booking-create.js";
import { cancelOwnBooking, getOwnBooking } from "../domain/booking-manage.js";
import { DomainError } from "../domain/domain-error.js";
import { getWidget } from "../domain/widgets.js";
import { limitBody, PUBLIC_BODY_LIMIT } from "../http/body-limit.js";
import type { AppEnv } from "../http/env.js";
import { pageHeaders } from "../pages/layout.js";
import { type ManagePageWidget, manageErrorPage, managePage } from "../pages/manage-page.js";
import type { RouteContext } from "./context.js";

/** What the page shows if the widget is gone. */
const FALLBACK_WIDGET: ManagePageWidget = { title: "Your booking", timezone: "UTC", locale: "en" };

/** Registers the manage page and its cancel form. */
export function managePageRoutes({ app, deps }: RouteContext): void {
  // The token is in the URL, so the page is never cached and never sent on as a Referer.
  const privatePage = (c: Context<AppEnv>) => {
    c.header("cache-control", "private, no-store");
    c.header("referrer-policy", "no-referrer");
    pageHeaders(c, deps.publicUrl);
  };
  // A person opened this link: answer a bad one with a page, not JSON.
  const asPage = async (c: Context<AppEnv>, render: () => Promise<Response>) => {
    try {
      return await render();
    } catch (err) {
      if (err instanceof DomainError && (err.code === "not_found" || err.code === "unauthorized")) {
        privatePage(c);
        const status = err.code === "unauthorized" ? 401 : 404;
        return c.html(manageErrorPage(status, deps.publicUrl), status);
      }
      throw err;
    }
  };

  app.get("/manage/:bookingId", (c) =>
    asPage(c, async () => {
      const token = c.req.query("token") ?? "";
      const booking = await getOwnBooking(deps, c.req.param("bookingId"), token);
      const widget = await getWidget(deps, booking.widgetId).catch(() => FALLBACK_WIDGET);
      privatePage(c);
      return c.html(managePage(booking, widget, token, deps.publicUrl, c.req.query("confirm") === "cancel"));
    }),
  );

  app.post("/manage/:bookingId/cancel", limitBody(PUBLIC_BODY_LIMIT), (c) =>
    asPage(c, async () => {
      const form = await c.req.parseBody().catch(() => {
        throw new DomainError("bad_request", "Send the form");
      });
      const token = typeof form.token === "string" ? form.token : "";
      const booking = await cancelOwnBooking(deps, c.req.param("bookingId"), token);
      // Post/redirect/get: reloading the result does not send the form again.
      return c.redirect(manageUrl(deps.publicUrl, booking.id, token), 303);
    }),
  );
}
