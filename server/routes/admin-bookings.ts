/** @module Admin routes for bookings: list with cursor paging, CSV export, read one, cancel, erase (GDPR). */
import type { Context } from "hono";
import { describeRoute } from "hono-openapi";
import {
  adminBookingSchema,
  adminBookingUpdateSchema,
  adminCancelSchema,
  bookingListQuerySchema,
  bookingListSchema,
} from "../../sdk/index.js";
import { bookingExportQuerySchema } from "../../sdk/schemas/booking-admin.js";
import { bookingPathSchema } from "../../sdk/schemas/request-params.js";
import {
  cancelBookingAsAdmin,
  eraseBooking,
  exportBookingsCsv,
  getAdminBooking,
  listBookings,
  setAttendance,
} from "../domain/booking-admin.js";
import { getWidget } from "../domain/widgets.js";
import type { AppEnv } from "../http/env.js";
import { jsonBody, optionalJsonBody, params, query } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

/** Registers `/v1/admin/bookings`, its CSV export and `/v1/admin/bookings/{bookingId}` behind the API key check. */
export function adminBookingRoutes(context: RouteContext): void {
  const { app, deps, log } = context;
  const admin = adminRoute(context);
  const booking = { status: 200, schema: adminBookingSchema } as const;

  app.get(
    "/v1/admin/bookings",
    ...admin({
      summary: "List bookings, newest first, with cursor paging and exact email lookup",
      response: { status: 200, description: "A page", schema: bookingListSchema },
      errors: ["bad_request"],
    }),
    query(bookingListQuerySchema),
    async (c) => c.json(await listBookings(deps, c.req.valid("query"))),
  );
  // Before `/:bookingId`, which would otherwise take `export.csv` for an id.
  app.get(
    "/v1/admin/bookings/export.csv",
    ...admin({
      summary: "The bookings that match the filters of the list (no paging) as CSV, streamed",
      response: { status: 200, description: "One row a booking", contentType: "text/csv" },
      errors: ["bad_request", "not_found"],
    }),
    query(bookingExportQuerySchema),
    async (c) => {
      const filter = c.req.valid("query");
      const { widgetId } = filter;
      if (widgetId) await getWidget(deps, widgetId);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="bookings-${widgetId ?? "all"}.csv"`);
      c.header("cache-control", "private, no-store");
      return c.body(csvBody(exportBookingsCsv(deps, filter), (err) => logCsvFailure(log, c, err)));
    },
  );
  app.get(
    "/v1/admin/bookings/:bookingId",
    ...admin({
      summary: "One booking with its personal data",
      response: { ...booking, description: "The booking" },
      errors: ["not_found"],
    }),
    params(bookingPathSchema),
    async (c) => c.json(await getAdminBooking(deps, c.req.valid("param").bookingId)),
  );
  app.patch(
    "/v1/admin/bookings/:bookingId",
    ...admin({
      summary: "After the class: mark whether the visitor came (attended, no_show, or null to clear)",
      response: { ...booking, description: "The booking with its `attendance`" },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(bookingPathSchema),
    jsonBody(adminBookingUpdateSchema),
    async (c) => c.json(await setAttendance(deps, c.req.valid("param").bookingId, c.req.valid("json").attendance)),
  );
  app.post(
    "/v1/admin/bookings/:bookingId/cancel",
    ...admin({
      summary:
        "Cancel a booking on the visitor's behalf: the seat is freed and the visitor told (unless notify is false)",
      response: {
        ...booking,
        description:
          'The booking, `status: "cancelled"` with `cancelReason: "admin"`; one already cancelled or erased comes back as it is',
      },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(bookingPathSchema),
    optionalJsonBody(adminCancelSchema),
    // The validator documents its body as required; this one may be left out.
    describeRoute({ requestBody: { required: false, content: {} } }),
    async (c) => c.json(await cancelBookingAsAdmin(deps, c.req.valid("param").bookingId, c.req.valid("json"))),
  );
  app.delete(
    "/v1/admin/bookings/:bookingId",
    ...admin({
      summary: "Erase personal data for good (GDPR) and free the seat",
      response: { ...booking, description: "The erased booking" },
      errors: ["not_found"],
    }),
    params(bookingPathSchema),
    async (c) => c.json(await eraseBooking(deps, c.req.valid("param").bookingId)),
  );
}

function logCsvFailure(log: RouteContext["log"], c: Context<AppEnv>, err: unknown): void {
  log({
    level: "error",
    msg: "csv export failed",
    requestId: c.get("requestId"),
    error: err instanceof Error ? err.message : String(err),
  });
}

/**
 * The CSV lines as a response body, pulled one at a time so a slow reader holds back the database reads.
 * A failure midway errors the stream (the client sees a broken transfer, never a short file that looks whole);
 * a client that goes away cancels it, which stops the generator and so stops producing rows.
 */
function csvBody(lines: AsyncGenerator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
