/** @module Admin routes for widgets: create, list, read, update, delete. */
import { widgetCreateSchema, widgetListSchema, widgetSchema, widgetUpdateSchema } from "../../sdk/index.js";
import { widgetPathSchema } from "../../sdk/schemas/request-params.js";
import { createWidget, deleteWidget, getWidget, listWidgets, updateWidget } from "../domain/widgets.js";
import { jsonBody, params } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

/** Registers `/v1/admin/widgets` and `/v1/admin/widgets/{widgetId}` behind the API key check. */
export function adminWidgetRoutes(context: RouteContext): void {
  const { app, deps } = context;
  const admin = adminRoute(context);
  const widget = { status: 200, description: "The widget", schema: widgetSchema } as const;
  const path = params(widgetPathSchema);

  app.post(
    "/v1/admin/widgets",
    ...admin({
      summary: "Create a widget",
      description: "Every public field but `title` has a default.",
      response: { ...widget, status: 201 },
      errors: [...BODY_ERRORS],
    }),
    jsonBody(widgetCreateSchema),
    async (c) => c.json(await createWidget(deps, c.req.valid("json")), 201),
  );
  app.get(
    "/v1/admin/widgets",
    ...admin({
      summary: "List widgets",
      response: { status: 200, description: "Every widget", schema: widgetListSchema },
      errors: [],
    }),
    async (c) => c.json({ data: await listWidgets(deps) }),
  );
  app.get(
    "/v1/admin/widgets/:widgetId",
    ...admin({ summary: "Get a widget", response: widget, errors: ["not_found"] }),
    path,
    async (c) => c.json(await getWidget(deps, c.req.valid("param").widgetId)),
  );
  app.patch(
    "/v1/admin/widgets/:widgetId",
    ...admin({
      summary: "Update a widget (null clears an optional field)",
      response: widget,
      errors: ["not_found", ...BODY_ERRORS],
    }),
    path,
    jsonBody(widgetUpdateSchema),
    async (c) => c.json(await updateWidget(deps, c.req.valid("param").widgetId, c.req.valid("json"))),
  );
  app.delete(
    "/v1/admin/widgets/:widgetId",
    ...admin({
      summary: "Delete a widget with its slots and bookings",
      response: { status: 204, description: "Deleted" },
      errors: ["not_found"],
    }),
    path,
    async (c) => {
      await deleteWidget(deps, c.req.valid("param").widgetId);
      return c.body(null, 204);
    },
  );
}
