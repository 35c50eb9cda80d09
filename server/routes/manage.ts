/** @module Routes for the holder of a manage token: read, cancel, reschedule, calendar invite. */

import type { Context } from "hono";
import { bookingSchema, rescheduleRequestSchema } from "../../sdk/index.js";
import { cancelOwnBooking, getOwnBooking, ownBookingInvite, rescheduleOwnBooking } from "../domain/booking-manage.js";
import { toWidget } from "../domain/widgets.js";
import { bearerToken } from "../http/admin-auth.js";
import { limitBody, PUBLIC_BODY_LIMIT } from "../http/body-limit.js";
import type { AppEnv } from "../http/env.js";
import { publicCors } from "../http/public-cors.js";
import type { RouteContext } from "./context.js";

/** The manage token: `Authorization: Bearer …`, or `?token=` for links in emails. */
function manageToken(c: Context<AppEnv>): string | undefined {
  return bearerToken(c.req.header("authorization")) ?? c.req.query("token");
}

/** Registers the manage routes. */
export function manageRoutes({ table, deps }: RouteContext): void {
  // The booking's widget whatever its status: a paused widget still limits which origins may manage its bookings
  // (undefined here would mean "unknown widget" and let every origin through).
  const cors = publicCors(async (c) => {
    const booking = await deps.store.getBooking(c.req.param("bookingId") ?? "");
    const row = booking && (await deps.store.getWidget(booking.widgetId));
    return row ? toWidget(row) : undefined;
  });
  const limit = limitBody(PUBLIC_BODY_LIMIT);
  table.app.options("/v1/bookings/:bookingId/*", cors);
  table.app.options("/v1/bookings/:bookingId", cors);
  const errors = ["unauthorized", "origin_not_allowed", "not_found"] as const;

  table.add(
    {
      method: "get",
      path: "/v1/bookings/{bookingId}",
      summary: "The booking, for its owner",
      tag: "Manage",
      auth: "manage",
      response: { status: 200, description: "The booking", schema: bookingSchema },
      errors: [...errors],
    },
    [cors],
    async (c) => c.json(await getOwnBooking(deps, c.req.param("bookingId") ?? "", manageToken(c))),
  );

  table.add(
    {
      method: "post",
      path: "/v1/bookings/{bookingId}/cancel",
      summary: "Cancel; the seat is free again",
      tag: "Manage",
      auth: "manage",
      response: { status: 200, description: "The cancelled booking", schema: bookingSchema },
      errors: [...errors],
    },
    [cors],
    async (c) => c.json(await cancelOwnBooking(deps, c.req.param("bookingId") ?? "", manageToken(c))),
  );

  table.add(
    {
      method: "post",
      path: "/v1/bookings/{bookingId}/reschedule",
      summary: "Move to another slot, atomically",
      tag: "Manage",
      auth: "manage",
      body: rescheduleRequestSchema,
      response: { status: 200, description: "The booking on its new slot", schema: bookingSchema },
      errors: [...errors, "slot_full", "slot_unavailable", "already_booked", "validation_failed"],
    },
    [cors, limit],
    async (c, { body }) =>
      c.json(await rescheduleOwnBooking(deps, c.req.param("bookingId") ?? "", manageToken(c), body.slotId)),
  );

  table.add(
    {
      method: "get",
      path: "/v1/bookings/{bookingId}/invite.ics",
      summary: "Calendar invitation (RFC 5545)",
      tag: "Manage",
      auth: "manage",
      response: { status: 200, description: "An iCalendar file", contentType: "text/calendar" },
      errors: [...errors],
    },
    [cors],
    async (c) => {
      const ics = await ownBookingInvite(deps, c.req.param("bookingId") ?? "", manageToken(c));
      return c.body(ics, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'attachment; filename="booking.ics"',
        "cache-control": "private, no-store",
      });
    },
  );
}
