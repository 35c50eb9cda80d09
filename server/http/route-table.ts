/** @module Registers routes on the Hono app and keeps their description, so `/openapi.json` and `/docs` come from the same schemas. */
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { $ZodType, output } from "zod/v4/core";
import type { ErrorCode } from "../../sdk/index.js";
import type { AppEnv } from "./env.js";
import { parseJsonBody, parseQuery } from "./parse.js";

/** What a route takes and answers, in the contract's schemas. */
export interface RouteDoc<
  B extends $ZodType | undefined = $ZodType | undefined,
  Q extends $ZodType | undefined = $ZodType | undefined,
> {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI-style path, e.g. `/v1/widgets/{widgetId}`. */
  path: string;
  summary: string;
  tag: "Public" | "Manage" | "Admin" | "System";
  auth?: "admin" | "manage";
  body?: B;
  query?: Q;
  /** The success answer; `schema` absent means no JSON body (e.g. 204, text/csv). */
  response: { status: number; description: string; schema?: $ZodType; contentType?: string };
  errors?: ErrorCode[];
}

type Parsed<S> = S extends $ZodType ? output<S> : undefined;

/** A handler that receives the already validated body and query. */
export type RouteHandler<B, Q> = (
  c: Context<AppEnv>,
  input: { body: Parsed<B>; query: Parsed<Q> },
) => Response | Promise<Response>;

/** Converts `{name}` path parameters to Hono's `:name`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/** The routes of an app, registered once and described once. */
export class RouteTable {
  readonly docs: RouteDoc[] = [];
  constructor(readonly app: Hono<AppEnv>) {}

  /** Register a route: its middleware run first, then the body and query are validated, then the handler. */
  add<B extends $ZodType | undefined, Q extends $ZodType | undefined>(
    doc: RouteDoc<B, Q>,
    middleware: MiddlewareHandler<AppEnv>[],
    handler: RouteHandler<B, Q>,
  ): void {
    this.docs.push(doc as RouteDoc);
    this.app.on(doc.method.toUpperCase(), [toHonoPath(doc.path)], ...middleware, async (c: Context<AppEnv>) => {
      const query = (doc.query ? parseQuery(c, doc.query) : undefined) as Parsed<Q>;
      const body = (doc.body ? await parseJsonBody(c, doc.body) : undefined) as Parsed<B>;
      return handler(c, { body, query });
    });
  }
}
