/**
 * @module Transitional: the old `RouteTable.add(doc, middleware, handler)` for route files not yet written as plain
 * Hono routes (public.ts, whose slots-cap change is in flight). Each `add` registers a plain route with `describe(…)`
 * and the same validators the new routes use, so it lands in `/openapi.json` like the others. Goes with public.ts.
 */
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { $ZodType, output } from "zod/v4/core";
import type { ErrorCode } from "../../sdk/index.js";
import { bookingHeadersSchema, bookingPathSchema, widgetPathSchema } from "../../sdk/schemas/request-params.js";
import { describe, type RouteTag } from "../openapi/route-doc.js";
import type { AppEnv } from "./env.js";
import { headers, jsonBody, params, query } from "./validate.js";

/** Path parameter schemas by name, so these routes declare their parameters like the others. */
const PATH_SCHEMAS: Record<string, $ZodType> = { widgetId: widgetPathSchema, bookingId: bookingPathSchema };

/** What a route takes and answers, in the contract's schemas. */
export interface RouteDoc<
  B extends $ZodType | undefined = $ZodType | undefined,
  Q extends $ZodType | undefined = $ZodType | undefined,
> {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI-style path, e.g. `/v1/widgets/{widgetId}`. */
  path: string;
  summary: string;
  tag: RouteTag;
  auth?: "admin" | "manage";
  body?: B;
  query?: Q;
  response: { status: 200 | 201 | 204; description: string; schema?: $ZodType; contentType?: string };
  errors?: ErrorCode[];
}

type Parsed<S> = S extends $ZodType ? output<S> : undefined;

/** A handler that receives the already validated body and query. */
export type RouteHandler<B, Q> = (
  c: Context<AppEnv>,
  input: { body: Parsed<B>; query: Parsed<Q> },
) => Response | Promise<Response>;

/** Registers routes described the old way. */
export class RouteTable {
  constructor(readonly app: Hono<AppEnv>) {}

  /** Register a route: its middleware run first, then the query and body are validated, then the handler. */
  add<B extends $ZodType | undefined, Q extends $ZodType | undefined>(
    doc: RouteDoc<B, Q>,
    middleware: MiddlewareHandler<AppEnv>[],
    handler: RouteHandler<B, Q>,
  ): void {
    const names = [...doc.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
    const path = names.length === 1 ? PATH_SCHEMAS[names[0]!] : undefined;
    // The one header route of these; public.ts declares it itself once it is a plain route.
    const bookingHeaders = doc.method === "post" && doc.path.endsWith("/bookings");
    const validators: MiddlewareHandler<AppEnv>[] = [
      ...(path ? [params(path) as MiddlewareHandler<AppEnv>] : []),
      ...(bookingHeaders
        ? [headers(bookingHeadersSchema, "Idempotency-Key must be 1 to 255 characters") as MiddlewareHandler<AppEnv>]
        : []),
      ...(doc.query ? [query(doc.query) as MiddlewareHandler<AppEnv>] : []),
      ...(doc.body ? [jsonBody(doc.body) as MiddlewareHandler<AppEnv>] : []),
    ];
    this.app.on(
      doc.method.toUpperCase(),
      [doc.path.replace(/\{(\w+)\}/g, ":$1")],
      describe({ ...doc, errors: doc.errors ?? [] }),
      ...middleware,
      ...validators,
      (c: Context<AppEnv>) => {
        const valid = (target: "json" | "query"): unknown =>
          (c.req.valid as (t: typeof target) => unknown).call(c.req, target);
        return handler(c, {
          body: (doc.body ? valid("json") : undefined) as Parsed<B>,
          query: (doc.query ? valid("query") : undefined) as Parsed<Q>,
        });
      },
    );
  }
}
