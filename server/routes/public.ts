/** @module Public routes the widget calls from any allowed origin: widget config, slots, booking. */

import type { Context } from "hono";
import {
  bookingCreatedSchema,
  bookingRequestSchema,
  publicWidgetSchema,
  slotListSchema,
  slotQuerySchema,
} from "../../sdk/index.js";
import { createBooking } from "../domain/booking-create.js";
import { listPublicSlots } from "../domain/slots.js";
import { findActiveWidget, toPublicWidget } from "../domain/widgets.js";
import { ApiError } from "../http/api-error.js";
import { limitBody, PUBLIC_BODY_LIMIT } from "../http/body-limit.js";
import type { AppEnv } from "../http/env.js";
import { publicCors } from "../http/public-cors.js";
import { bookingRateLimit } from "../http/rate-limit.js";
import type { RouteContext } from "./context.js";

/** 255 characters: the spec's bound on Idempotency-Key. */
const MAX_IDEMPOTENCY_KEY = 255;

function widgetOf(c: Context<AppEnv>) {
  const widget = c.get("widget");
  if (!widget) throw new ApiError("not_found", `No widget ${c.req.param("widgetId")}`);
  return widget;
}

/** Registers the public widget, slot and booking routes. */
export function publicRoutes({ table, deps, rateLimitPerMinute, trustProxy }: RouteContext): void {
  const cors = publicCors((c) => findActiveWidget(deps, c.req.param("widgetId") ?? ""));
  const limit = limitBody(PUBLIC_BODY_LIMIT);
  table.app.options("/v1/widgets/:widgetId/*", cors);
  table.app.options("/v1/widgets/:widgetId", cors);

  table.add(
    {
      method: "get",
      path: "/v1/widgets/{widgetId}",
      summary: "Public widget config",
      tag: "Public",
      response: { status: 200, description: "The widget's public configuration", schema: publicWidgetSchema },
      errors: ["origin_not_allowed", "not_found"],
    },
    [cors],
    (c) => c.json(toPublicWidget(widgetOf(c))),
  );

  table.add(
    {
      method: "get",
      path: "/v1/widgets/{widgetId}/slots",
      summary: "Future slots in a window: 30 days by default, at most 92 days and 500 slots per answer",
      tag: "Public",
      query: slotQuerySchema,
      response: {
        status: 200,
        description:
          "Future active slots, sorted by start, at most 500. When the window holds more, `nextFrom` is set: ask " +
          "again with `from=nextFrom` and the same `to` for the rest. A window over 92 days answers 400.",
        schema: slotListSchema,
      },
      errors: ["bad_request", "origin_not_allowed", "not_found"],
    },
    [cors],
    async (c, { query }) => c.json(await listPublicSlots(deps, widgetOf(c).id, query)),
  );

  table.add(
    {
      method: "post",
      path: "/v1/widgets/{widgetId}/bookings",
      summary: "Book a seat",
      tag: "Public",
      body: bookingRequestSchema,
      response: {
        status: 201,
        description: "The booking and its manage token (shown once)",
        schema: bookingCreatedSchema,
      },
      errors: [
        "bad_request",
        "origin_not_allowed",
        "not_found",
        "slot_full",
        "slot_unavailable",
        "already_booked",
        "payload_too_large",
        "unsupported_media_type",
        "validation_failed",
        "idempotency_key_reused",
        "rate_limited",
        "unavailable",
      ],
    },
    [
      cors,
      // 404 for an unknown widget before anything else, so made-up ids neither fill the limiter nor get a 422.
      async (c, next) => {
        widgetOf(c);
        await next();
      },
      bookingRateLimit({ perMinute: rateLimitPerMinute, trustProxy, now: () => deps.now().getTime() }),
      limit,
      idempotencyKeyCheck,
    ],
    async (c, { body }) => {
      const outcome = await createBooking(deps, widgetOf(c), body, c.req.header("idempotency-key"));
      if (outcome.replayed) c.header("Idempotent-Replayed", "true");
      if ("error" in outcome) throw outcome.error;
      return c.json(outcome.value, 201);
    },
  );
}

const idempotencyKeyCheck = async (c: Context<AppEnv>, next: () => Promise<void>) => {
  const key = c.req.header("idempotency-key");
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw new ApiError("bad_request", "Idempotency-Key must be 1 to 255 characters");
  }
  return next();
};
