/**
 * @module Admin routes for webhooks (endpoints, secret rotation, test event, delivery log and replay) and for what a
 * booking caused (its emails and deliveries).
 */
import {
  bookingMessageListSchema,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookRotatedSchema,
  webhookSchema,
  webhookUpdateSchema,
} from "../../sdk/index.js";
import { bookingPathSchema, deliveryPathSchema, webhookPathSchema } from "../../sdk/schemas/request-params.js";
import {
  bookingMessages,
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDelivery,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
} from "../domain/webhooks.js";
import { jsonBody, params, query } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

/** Registers `/v1/admin/webhooks…` and `GET /v1/admin/bookings/{bookingId}/messages` behind the API key check. */
export function adminWebhookRoutes(context: RouteContext): void {
  const { app, deps } = context;
  const admin = adminRoute(context);
  const endpoint = { status: 200, schema: webhookSchema } as const;

  app.post(
    "/v1/admin/webhooks",
    ...admin({
      role: "owner",
      summary: "Create a webhook endpoint",
      response: {
        status: 201,
        description:
          "The endpoint with its signing `secret` (`whsec_…`), shown here and on rotation only. The URL must be " +
          "https and may not resolve to a loopback, private or link-local address (checked again at each send) " +
          "unless the server runs with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.",
        schema: webhookCreatedSchema,
      },
      errors: [...BODY_ERRORS],
    }),
    jsonBody(webhookCreateSchema),
    async (c) => c.json(await createWebhook(deps, c.req.valid("json")), 201),
  );
  app.get(
    "/v1/admin/webhooks",
    ...admin({
      role: "owner",
      summary: "List webhook endpoints",
      response: { status: 200, description: "Every endpoint, oldest first, never a secret", schema: webhookListSchema },
      errors: [],
    }),
    async (c) => c.json({ data: await listWebhooks(deps) }),
  );
  app.get(
    "/v1/admin/webhooks/:webhookId",
    ...admin({
      role: "owner",
      summary: "One webhook endpoint",
      response: { ...endpoint, description: "The endpoint, never its secret" },
      errors: ["not_found"],
    }),
    params(webhookPathSchema),
    async (c) => c.json(await getWebhook(deps, c.req.valid("param").webhookId)),
  );
  app.patch(
    "/v1/admin/webhooks/:webhookId",
    ...admin({
      role: "owner",
      summary: 'Change a webhook endpoint; `status: "active"` re-enables one a 410 disabled',
      response: { ...endpoint, description: "The endpoint after the change" },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(webhookPathSchema),
    jsonBody(webhookUpdateSchema),
    async (c) => c.json(await updateWebhook(deps, c.req.valid("param").webhookId, c.req.valid("json"))),
  );
  app.delete(
    "/v1/admin/webhooks/:webhookId",
    ...admin({
      role: "owner",
      summary: "Delete a webhook endpoint with its delivery log",
      response: { status: 204, description: "Deleted; what it was still owed is not sent" },
      errors: ["not_found"],
    }),
    params(webhookPathSchema),
    async (c) => {
      await deleteWebhook(deps, c.req.valid("param").webhookId);
      return c.body(null, 204);
    },
  );
  app.post(
    "/v1/admin/webhooks/:webhookId/rotate-secret",
    ...admin({
      role: "owner",
      summary: "Rotate the signing secret",
      response: {
        status: 200,
        description:
          "The new `secret`, shown this once. Until `previousSecretExpiresAt` (24 h) every delivery carries two " +
          "signatures, one per secret, so a receiver can switch without missing an event.",
        schema: webhookRotatedSchema,
      },
      errors: ["not_found"],
    }),
    params(webhookPathSchema),
    async (c) => c.json(await rotateWebhookSecret(deps, c.req.valid("param").webhookId)),
  );
  app.post(
    "/v1/admin/webhooks/:webhookId/test",
    ...admin({
      role: "owner",
      summary: "Send a webhook.test event",
      response: { status: 202, description: "The delivery, queued", schema: webhookDeliverySchema },
      errors: ["not_found"],
    }),
    params(webhookPathSchema),
    async (c) => c.json(await testWebhook(deps, c.req.valid("param").webhookId), 202),
  );
  app.get(
    "/v1/admin/webhooks/:webhookId/deliveries",
    ...admin({
      role: "owner",
      summary: "Delivery log of an endpoint, newest first",
      response: { status: 200, description: "A page of deliveries", schema: webhookDeliveryListSchema },
      errors: ["not_found", "bad_request"],
    }),
    params(webhookPathSchema),
    query(webhookDeliveryQuerySchema),
    async (c) => c.json(await listWebhookDeliveries(deps, c.req.valid("param").webhookId, c.req.valid("query").cursor)),
  );
  app.post(
    "/v1/admin/webhooks/:webhookId/deliveries/:deliveryId/replay",
    ...admin({
      role: "owner",
      summary: "Send a delivery again now (same event id and body, signed afresh)",
      response: { status: 202, description: "The delivery, pending again", schema: webhookDeliverySchema },
      errors: ["not_found"],
    }),
    params(deliveryPathSchema),
    async (c) => {
      const { webhookId, deliveryId } = c.req.valid("param");
      return c.json(await replayWebhookDelivery(deps, webhookId, deliveryId), 202);
    },
  );
  app.get(
    "/v1/admin/bookings/:bookingId/messages",
    ...admin({
      role: "owner",
      summary: "The emails and webhook deliveries a booking caused, and how each went",
      response: {
        status: 200,
        description: "In the order they were written: confirmation, reminders, updates, each delivery",
        schema: bookingMessageListSchema,
      },
      errors: ["not_found"],
    }),
    params(bookingPathSchema),
    async (c) => c.json({ data: await bookingMessages(deps, c.req.valid("param").bookingId) }),
  );
}
