/**
 * @module `/openapi.json`: the OpenAPI 3.1 document hono-openapi collects from the app's routes (each one's
 * `describe(…)` and validators), with the contract's Problem schema and the security schemes.
 */
import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { OpenAPIV3_1 } from "openapi-types";
import * as z from "zod/mini";
import { problemSchema } from "../../sdk/index.js";
import type { AppEnv } from "../http/env.js";

/** The document `/openapi.json` answers with and `/docs` renders. */
export type OpenApiDocument = OpenAPIV3_1.Document;

const TAGS = [
  { name: "Public", description: "Called by the widget from any origin the widget allows; no credentials." },
  { name: "Manage", description: "For the visitor who holds a booking's manage token (returned once, at creation)." },
  {
    name: "Admin",
    description:
      "For the marketer's tools: `Authorization: Bearer sk_…` (acts as an owner), or the console's session cookie " +
      "with the user's role: viewers read, editors also change widgets, slots and bookings, owners everything.",
  },
  { name: "Console", description: "The console's accounts: setup and invite links, sign-in, sessions." },
  { name: "System", description: "Health and readiness, for load balancers and orchestrators." },
];

/** `idempotency-key` → `Idempotency-Key`: validators see lower-case names, readers expect the usual spelling. */
function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

function tidy(doc: OpenApiDocument): OpenApiDocument {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item ?? {}) as OpenAPIV3_1.OperationObject[]) {
      for (const p of (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
        if (p.in === "header") p.name = headerName(p.name);
      }
    }
  }
  return doc;
}

/**
 * Builds the document of every described route of `app` once, on first use (routes are all registered by then).
 * @example const doc = await openApiDocument(app, "https://book.example.com")();
 */
export function openApiDocument(app: Hono<AppEnv>, serverUrl: string): () => Promise<OpenApiDocument> {
  let built: Promise<OpenApiDocument> | undefined;
  return () => {
    built ??= generateSpecs(app, {
      documentation: {
        info: {
          title: "Slotbook API",
          version: "1.0.0",
          description:
            "Book a demo class: public widget routes, manage routes for the visitor, admin routes for the marketer. " +
            "JSON in and out; times are ISO 8601 in UTC. Errors are RFC 9457 `application/problem+json` with a " +
            "stable `code`; any route may also answer 500 `internal_error`, which is a bug.",
        },
        servers: [{ url: serverUrl }],
        tags: TAGS,
        components: {
          schemas: { Problem: jsonSchema(problemSchema) },
          securitySchemes: {
            adminKey: { type: "http", scheme: "bearer", description: "Admin API key, `sk_…`" },
            consoleSession: {
              type: "apiKey",
              in: "cookie",
              name: "slotbook_session",
              description:
                "The console's session cookie (`__Host-slotbook_session` when PUBLIC_URL is https), set by sign-in; a " +
                "request that changes something must come from the console's own origin",
            },
            manageToken: {
              type: "http",
              scheme: "bearer",
              description: "The manage token returned when the booking was made",
            },
            manageTokenQuery: {
              type: "apiKey",
              in: "query",
              name: "token",
              description: "The manage token as `?token=`, for links in emails",
            },
          },
        },
      },
      // export.csv and invite.ics are routes, not static files.
      excludeStaticFile: false,
      // Our validators answer problem+json, which each route's own error list describes.
      defaultValidationErrorResponse: false,
    }).then((doc) => tidy(doc as OpenApiDocument));
    return built;
  };
}

function jsonSchema(schema: z.ZodMiniType): OpenAPIV3_1.SchemaObject {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "output" }) as Record<string, unknown>;
  return rest as OpenAPIV3_1.SchemaObject;
}
