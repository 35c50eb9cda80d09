/** @module Routes for the holder of a manage token: read, cancel, reschedule, calendar invite. */
import type { Context } from "hono";
import { bookingSchema, rescheduleRequestSchema } from "../../sdk/index.js";
import { bookingPathSchema } from "../../sdk/schemas/request-params.js";
import {
  cancelOwnBooking,
  findBookingAndWidget,
  getOwnBooking,
  ownBookingInvite,
  rescheduleOwnBooking,
} from "../domain/booking-manage.js";
import { bearerToken } from "../http/admin-auth.js";
import { limitBody, PUBLIC_BODY_LIMIT } from "../http/body-limit.js";
import type { AppEnv } from "../http/env.js";
import { publicEdge } from "../http/public-cors.js";
import { jsonBody, params } from "../http/validate.js";
import { BODY_ERRORS, describe, type RouteDoc } from "../openapi/route-doc.js";
import type { RouteContext } from "./context.js";

/** The manage token: `Authorization: Bearer …`, or `?token=` for links in emails. */
function manageToken(c: Context<AppEnv>): string | undefined {
  return bearerToken(c.req.header("authorization")) ?? c.req.query("token");
}

/** What every manage route shares in its description. */
function manage(doc: Pick<RouteDoc, "summary" | "response"> & { errors?: RouteDoc["errors"] }) {
  return describe({
    ...doc,
    tag: "Manage",
    auth: "manage",
    errors: ["unauthorized", "origin_not_allowed", "not_found", ...(doc.errors ?? [])],
  });
}

/** Registers the manage routes. */
export function manageRoutes({ app, deps }: RouteContext): void {
  // The booking and its widget, read once: the origin check and the read-only handlers share them.
  // `/*` covers the booking's own path too.
  const every = "/v1/bookings/:bookingId/*";
  app.use(
    every,
    // The manage page posts from our own origin, whatever origins the widget allows.
    publicEdge<typeof every>((c) => findBookingAndWidget(deps, c.req.param("bookingId")), deps.publicUrl),
  );
  const path = params(bookingPathSchema);

  app.get(
    "/v1/bookings/:bookingId",
    manage({
      summary: "The booking, for its owner",
      response: { status: 200, description: "The booking", schema: bookingSchema },
    }),
    path,
    async (c) => c.json(await getOwnBooking(deps, c.req.valid("param").bookingId, manageToken(c), c.var.booking)),
  );

  app.post(
    "/v1/bookings/:bookingId/cancel",
    manage({
      summary: "Cancel; the seat is free again",
      response: { status: 200, description: "The cancelled booking", schema: bookingSchema },
    }),
    path,
    async (c) => c.json(await cancelOwnBooking(deps, c.req.valid("param").bookingId, manageToken(c))),
  );

  app.post(
    "/v1/bookings/:bookingId/reschedule",
    manage({
      summary: "Move to another slot, atomically",
      response: { status: 200, description: "The booking on its new slot", schema: bookingSchema },
      errors: ["slot_full", "slot_unavailable", "already_booked", ...BODY_ERRORS],
    }),
    limitBody(PUBLIC_BODY_LIMIT),
    path,
    jsonBody(rescheduleRequestSchema),
    async (c) => {
      const { bookingId } = c.req.valid("param");
      return c.json(await rescheduleOwnBooking(deps, bookingId, manageToken(c), c.req.valid("json").slotId));
    },
  );

  app.get(
    "/v1/bookings/:bookingId/invite.ics",
    manage({
      summary: "Calendar invitation (RFC 5545)",
      response: { status: 200, description: "An iCalendar file", contentType: "text/calendar" },
    }),
    path,
    async (c) => {
      const loaded = { booking: c.var.booking, widget: c.var.widget };
      const ics = await ownBookingInvite(deps, c.req.valid("param").bookingId, manageToken(c), loaded);
      return c.body(ics, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'attachment; filename="booking.ics"',
        "cache-control": "private, no-store",
      });
    },
  );
}
