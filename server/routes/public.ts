/** @module Public routes the widget calls from any allowed origin: widget config, slots, booking. */
import type { Context } from "hono";
import * as z from "zod/mini";
import {
  bookingCreatedSchema,
  bookingRequestSchema,
  funnelEventSchema,
  publicWidgetSchema,
  slotListSchema,
  slotQuerySchema,
} from "../../sdk/index.js";
import { bookingHeadersSchema, widgetPathSchema } from "../../sdk/schemas/request-params.js";
import { createBooking } from "../domain/booking-create.js";
import { DomainError } from "../domain/domain-error.js";
import { countFunnelEvent } from "../domain/insights.js";
import { listPublicSlots } from "../domain/slots.js";
import { findActiveWidget, toPublicWidget } from "../domain/widgets.js";
import { limitBody, PUBLIC_BODY_LIMIT } from "../http/body-limit.js";
import { cacheable } from "../http/cacheable.js";
import type { AppEnv } from "../http/env.js";
import { publicEdge } from "../http/public-cors.js";
import { bookingRateLimit } from "../http/rate-limit.js";
import { beaconBody, headers, jsonBody, params, query } from "../http/validate.js";
import { BODY_ERRORS, describe } from "../openapi/route-doc.js";
import type { RouteContext } from "./context.js";

/** The widget `publicEdge` put on the context; 404 when there is none (unknown or paused). */
function widgetOf(c: Context<AppEnv>) {
  const widget = c.get("widget");
  if (!widget) throw new DomainError("not_found", `No widget ${c.req.param("widgetId")}`);
  return widget;
}

/**
 * Seats left change with every booking, so slots stay fresh 5 s: a busy widget then costs the origin one read per
 * 5 s per CDN edge and Origin, and 25 s more of stale-while-revalidate mean no visitor waits for that read; nothing
 * shown is older than 30 s. A seat shown that is gone costs a `slot_full` and a reload, never an extra booking (the POST is
 * not cached and decides). For CDNs only: a browser revalidates each read, so the widget's reload after a `slot_full`
 * is never answered from the visitor's own cache.
 */
const SLOTS_CACHE = cacheable({ maxAge: 5, staleWhileRevalidate: 25, sharedOnly: true });
/**
 * The config changes only when an admin edits or pauses the widget: 60 s fresh, 120 s more stale-while-revalidate,
 * so an edit or a pause reaches every visitor within 3 min at worst (1 min on a busy widget). A paused widget's
 * bookings are refused at once meanwhile: the booking POST is never cached and answers 404.
 */
const CONFIG_CACHE = cacheable({ maxAge: 60, staleWhileRevalidate: 120 });

/** 1 KiB: a step and five UTM values fit several times over. */
const EVENT_BODY_LIMIT = 1024;
/** 60 a minute: a visitor's three steps, many times over, and a page reloaded in a loop cannot skew the counts much. */
const EVENTS_PER_MINUTE = 60;

/** Registers the public widget, slot, booking and funnel-event routes. */
export function publicRoutes({ app, deps, rateLimitPerMinute, rateLimiter, trustProxy }: RouteContext): void {
  // The widget, read once per request; then the origin check and CORS read it from the context.
  const edge = publicEdge<"/v1/widgets/:widgetId">(async (c) => ({
    widget: await findActiveWidget(deps, c.req.param("widgetId")),
  }));
  // Before the edge: its 403 for a refused origin gets `no-store` too, and a 304 keeps the CORS headers it set.
  app.use("/v1/widgets/:widgetId", CONFIG_CACHE.middleware);
  app.use("/v1/widgets/:widgetId/slots", SLOTS_CACHE.middleware);
  app.use("/v1/widgets/:widgetId", edge);
  app.use("/v1/widgets/:widgetId/*", edge);
  const path = params(widgetPathSchema);
  const eventRateLimit = bookingRateLimit({
    perMinute: rateLimitPerMinute === 0 ? 0 : EVENTS_PER_MINUTE,
    trustProxy,
    now: () => deps.now().getTime(),
    message: "Too many events from this client; they are counted again in a minute",
  });

  app.get(
    "/v1/widgets/:widgetId",
    describe({
      summary: "Public widget config",
      tag: "Public",
      response: { status: 200, description: "The widget's public configuration", schema: publicWidgetSchema },
      errors: ["origin_not_allowed", "not_found"],
    }),
    path,
    (c) => CONFIG_CACHE.json(c, toPublicWidget(widgetOf(c)), { remember: true }),
  );

  app.get(
    "/v1/widgets/:widgetId/slots",
    describe({
      summary: "Future slots in a window: 30 days by default, at most 92 days and 500 slots per answer",
      tag: "Public",
      response: {
        status: 200,
        description:
          "Future active slots, sorted by start, at most 500. When the window holds more, `nextFrom` is set: ask " +
          "again with `from=nextFrom` and the same `to` for the rest. A window over 92 days answers 400. With " +
          "`include=widget`, the widget's public config comes along as `widget` (a widget's first paint, one request).",
        schema: z.extend(slotListSchema, { widget: z.optional(publicWidgetSchema) }),
      },
      errors: ["bad_request", "origin_not_allowed", "not_found"],
    }),
    path,
    query(slotQuerySchema),
    async (c) => {
      const widget = widgetOf(c);
      const { include, ...window } = c.req.valid("query");
      const list = await listPublicSlots(deps, widget.id, window);
      return SLOTS_CACHE.json(c, include === "widget" ? { ...list, widget: toPublicWidget(widget) } : list);
    },
  );

  app.post(
    "/v1/widgets/:widgetId/bookings",
    describe({
      summary: "Book a seat",
      tag: "Public",
      response: {
        status: 201,
        description: "The booking and its manage token (shown once)",
        schema: bookingCreatedSchema,
      },
      errors: [
        ...BODY_ERRORS,
        "origin_not_allowed",
        "not_found",
        "slot_full",
        "slot_unavailable",
        "already_booked",
        "idempotency_key_reused",
        "rate_limited",
      ],
    }),
    path,
    // 404 for an unknown widget before anything else, so made-up ids neither fill the limiter nor get a 422.
    async (c, next) => {
      widgetOf(c);
      await next();
    },
    bookingRateLimit({
      perMinute: rateLimitPerMinute,
      trustProxy,
      now: () => deps.now().getTime(),
      shared: rateLimiter,
    }),
    limitBody(PUBLIC_BODY_LIMIT),
    headers(bookingHeadersSchema, "Idempotency-Key must be 1 to 255 characters"),
    jsonBody(bookingRequestSchema),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const outcome = await createBooking(deps, widgetOf(c), c.req.valid("json"), key);
      if (outcome.replayed) c.header("Idempotent-Replayed", "true");
      if ("error" in outcome) throw outcome.error;
      return c.json(outcome.value, 201);
    },
  );
  app.post(
    "/v1/widgets/:widgetId/events",
    describe({
      summary: "Count a funnel step of the widget (view, slot chosen, form started)",
      description:
        "Sent by the widget with `navigator.sendBeacon`, so the body may come as `text/plain` (no CORS preflight). " +
        "Only the step, the day and `utm.source` are kept, as daily counters per widget: no cookie, no IP, nothing " +
        `per visitor. At most ${EVENTS_PER_MINUTE} a minute per client IP per widget.`,
      tag: "Public",
      response: { status: 204, description: "Counted" },
      errors: [
        "bad_request",
        "unsupported_media_type",
        "payload_too_large",
        "validation_failed",
        "origin_not_allowed",
        "not_found",
        "rate_limited",
      ],
    }),
    path,
    // A beacon is a no-cors request: under the app's default CORP (same-origin) Firefox blocks its answer and says
    // so in the page's console, on every page that embeds the widget.
    async (c, next) => {
      await next();
      c.res.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
    },
    async (c, next) => {
      widgetOf(c);
      await next();
    },
    eventRateLimit,
    limitBody(EVENT_BODY_LIMIT),
    async (c) => {
      const event = await beaconBody(c, funnelEventSchema);
      await countFunnelEvent(deps, widgetOf(c).id, event);
      return c.body(null, 204);
    },
  );
}
