/** @module Admin routes (`Authorization: Bearer sk_…`): widgets, slots, bookings, CSV export. */
import type { Context } from "hono";
import * as z from "zod/mini";
import {
  adminBookingSchema,
  adminSlotListSchema,
  adminSlotSchema,
  bookingListQuerySchema,
  bookingListSchema,
  slotCreateSchema,
  slotUpdateSchema,
  widgetCreateSchema,
  widgetIdSchema,
  widgetListSchema,
  widgetSchema,
  widgetUpdateSchema,
} from "../../sdk/index.js";
import { eraseBooking, exportBookingsCsv, getAdminBooking, listBookings } from "../domain/booking-admin.js";
import { createSlots, deleteSlot, listAdminSlots, updateSlot } from "../domain/slots.js";
import { createWidget, deleteWidget, getWidget, listWidgets, updateWidget } from "../domain/widgets.js";
import { adminAuth } from "../http/admin-auth.js";
import { ADMIN_BODY_LIMIT, limitBody } from "../http/body-limit.js";
import type { AppEnv } from "../http/env.js";
import type { RouteContext } from "./context.js";

const param = (c: Context<AppEnv>, name: string) => c.req.param(name) ?? "";

/** Registers every admin route behind the API key check. */
export function adminRoutes({ table, deps, adminKeyHash, log }: RouteContext): void {
  const mw = [adminAuth(deps, adminKeyHash), limitBody(ADMIN_BODY_LIMIT)];
  const tag = "Admin" as const;
  const auth = "admin" as const;
  const errors = ["unauthorized", "not_found"] as const;
  const writeErrors = [...errors, "bad_request", "unsupported_media_type", "validation_failed"] as const;

  table.add(
    {
      method: "post",
      path: "/v1/admin/widgets",
      summary: "Create a widget",
      tag,
      auth,
      body: widgetCreateSchema,
      response: { status: 201, description: "The widget", schema: widgetSchema },
      errors: [...writeErrors],
    },
    mw,
    async (c, { body }) => c.json(await createWidget(deps, body), 201),
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/widgets",
      summary: "List widgets",
      tag,
      auth,
      response: { status: 200, description: "Every widget", schema: widgetListSchema },
      errors: ["unauthorized"],
    },
    mw,
    async (c) => c.json({ data: await listWidgets(deps) }),
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/widgets/{widgetId}",
      summary: "Get a widget",
      tag,
      auth,
      response: { status: 200, description: "The widget", schema: widgetSchema },
      errors: [...errors],
    },
    mw,
    async (c) => c.json(await getWidget(deps, param(c, "widgetId"))),
  );
  table.add(
    {
      method: "patch",
      path: "/v1/admin/widgets/{widgetId}",
      summary: "Update a widget (null clears an optional field)",
      tag,
      auth,
      body: widgetUpdateSchema,
      response: { status: 200, description: "The widget", schema: widgetSchema },
      errors: [...writeErrors],
    },
    mw,
    async (c, { body }) => c.json(await updateWidget(deps, param(c, "widgetId"), body)),
  );
  table.add(
    {
      method: "delete",
      path: "/v1/admin/widgets/{widgetId}",
      summary: "Delete a widget with its slots and bookings",
      tag,
      auth,
      response: { status: 204, description: "Deleted" },
      errors: [...errors],
    },
    mw,
    async (c) => {
      await deleteWidget(deps, param(c, "widgetId"));
      return c.body(null, 204);
    },
  );

  table.add(
    {
      method: "post",
      path: "/v1/admin/widgets/{widgetId}/slots",
      summary: "Create slots",
      tag,
      auth,
      body: slotCreateSchema,
      response: { status: 201, description: "The created slots", schema: adminSlotListSchema },
      errors: [...writeErrors],
    },
    mw,
    async (c, { body }) => c.json({ slots: await createSlots(deps, param(c, "widgetId"), body.slots) }, 201),
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/widgets/{widgetId}/slots",
      summary: "Every slot of a widget with booked counts",
      tag,
      auth,
      response: { status: 200, description: "Slots", schema: adminSlotListSchema },
      errors: [...errors],
    },
    mw,
    async (c) => c.json({ slots: await listAdminSlots(deps, param(c, "widgetId")) }),
  );
  table.add(
    {
      method: "patch",
      path: "/v1/admin/slots/{slotId}",
      summary: "Update a slot",
      tag,
      auth,
      body: slotUpdateSchema,
      response: { status: 200, description: "The slot", schema: adminSlotSchema },
      errors: [...writeErrors],
    },
    mw,
    async (c, { body }) => c.json(await updateSlot(deps, param(c, "slotId"), body)),
  );
  table.add(
    {
      method: "delete",
      path: "/v1/admin/slots/{slotId}",
      summary: "Delete a slot; one with bookings is cancelled instead (200)",
      tag,
      auth,
      response: { status: 204, description: "Deleted (or 200 with the cancelled slot)" },
      errors: [...errors],
    },
    mw,
    async (c) => {
      const cancelled = await deleteSlot(deps, param(c, "slotId"));
      return cancelled ? c.json(cancelled) : c.body(null, 204);
    },
  );

  table.add(
    {
      method: "get",
      path: "/v1/admin/bookings",
      summary: "List bookings, newest first, with cursor paging and exact email lookup",
      tag,
      auth,
      query: bookingListQuerySchema,
      response: { status: 200, description: "A page", schema: bookingListSchema },
      errors: ["unauthorized", "bad_request"],
    },
    mw,
    async (c, { query }) => c.json(await listBookings(deps, query)),
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/bookings/export.csv",
      summary: "Every booking as CSV (streamed)",
      tag,
      auth,
      query: z.object({ widgetId: z.optional(widgetIdSchema) }),
      response: { status: 200, description: "text/csv, one row a booking", contentType: "text/csv" },
      errors: ["unauthorized", "bad_request"],
    },
    mw,
    async (c, { query }) => {
      if (query.widgetId) await getWidget(deps, query.widgetId);
      const name = `bookings-${query.widgetId ?? "all"}.csv`;
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="${name}"`);
      c.header("cache-control", "private, no-store");
      return c.body(
        csvBody(exportBookingsCsv(deps, query.widgetId), (err) =>
          log({
            level: "error",
            msg: "csv export failed",
            requestId: c.get("requestId"),
            error: err instanceof Error ? err.message : String(err),
          }),
        ),
      );
    },
  );
  table.add(
    {
      method: "get",
      path: "/v1/admin/bookings/{bookingId}",
      summary: "One booking with its personal data",
      tag,
      auth,
      response: { status: 200, description: "The booking", schema: adminBookingSchema },
      errors: [...errors],
    },
    mw,
    async (c) => c.json(await getAdminBooking(deps, param(c, "bookingId"))),
  );
  table.add(
    {
      method: "delete",
      path: "/v1/admin/bookings/{bookingId}",
      summary: "Erase personal data for good (GDPR) and free the seat",
      tag,
      auth,
      response: { status: 200, description: "The erased booking", schema: adminBookingSchema },
      errors: [...errors],
    },
    mw,
    async (c) => c.json(await eraseBooking(deps, param(c, "bookingId"))),
  );
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
