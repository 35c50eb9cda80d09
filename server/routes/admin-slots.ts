/** @module Admin routes for slots: create in bulk, list with booked counts, update, delete (or cancel). */
import { adminSlotListSchema, adminSlotSchema, slotCreateSchema, slotUpdateSchema } from "../../sdk/index.js";
import { slotPathSchema, widgetPathSchema } from "../../sdk/schemas/request-params.js";
import { createSlots, deleteSlot, listAdminSlots, updateSlot } from "../domain/slots.js";
import { jsonBody, params } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

/** Registers `/v1/admin/widgets/{widgetId}/slots` and `/v1/admin/slots/{slotId}` behind the API key check. */
export function adminSlotRoutes(context: RouteContext): void {
  const { app, deps } = context;
  const admin = adminRoute(context);

  app.post(
    "/v1/admin/widgets/:widgetId/slots",
    ...admin({
      summary: "Create slots",
      response: { status: 201, description: "The created slots", schema: adminSlotListSchema },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(widgetPathSchema),
    jsonBody(slotCreateSchema),
    async (c) =>
      c.json({ slots: await createSlots(deps, c.req.valid("param").widgetId, c.req.valid("json").slots) }, 201),
  );
  app.get(
    "/v1/admin/widgets/:widgetId/slots",
    ...admin({
      summary: "Every slot of a widget with booked counts",
      response: { status: 200, description: "Slots", schema: adminSlotListSchema },
      errors: ["not_found"],
    }),
    params(widgetPathSchema),
    async (c) => c.json({ slots: await listAdminSlots(deps, c.req.valid("param").widgetId) }),
  );
  app.patch(
    "/v1/admin/slots/:slotId",
    ...admin({
      summary: "Update a slot",
      response: { status: 200, description: "The slot", schema: adminSlotSchema },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(slotPathSchema),
    jsonBody(slotUpdateSchema),
    async (c) => c.json(await updateSlot(deps, c.req.valid("param").slotId, c.req.valid("json"))),
  );
  app.delete(
    "/v1/admin/slots/:slotId",
    ...admin({
      summary: "Delete a slot; one with bookings is cancelled instead (200)",
      response: [
        { status: 204, description: "Deleted: the slot had no bookings" },
        { status: 200, description: "The slot had bookings, so it is cancelled instead", schema: adminSlotSchema },
      ],
      errors: ["not_found"],
    }),
    params(slotPathSchema),
    async (c) => {
      const cancelled = await deleteSlot(deps, c.req.valid("param").slotId);
      return cancelled ? c.json(cancelled) : c.body(null, 204);
    },
  );
}
