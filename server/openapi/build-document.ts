/** @module Builds the OpenAPI 3.1 document from the route table, with JSON Schemas generated from the contract's zod schemas. */
import * as z from "zod/mini";
import type { $ZodType } from "zod/v4/core";
import { ERROR_CODES, type ErrorCode, problemSchema } from "../../sdk/index.js";
import type { RouteDoc } from "../http/route-table.js";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: $ZodType, io: "input" | "output"): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function operation(doc: RouteDoc): Record<string, unknown> {
  const parameters: unknown[] = [...doc.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (doc.query) {
    const query = jsonSchema(doc.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (doc.auth === "manage") {
    parameters.push({
      name: "token",
      in: "query",
      required: false,
      description: "Manage token, for links in emails",
      schema: { type: "string" },
    });
  }
  if (doc.method === "post" && doc.path.endsWith("/bookings")) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", maxLength: 255 },
    });
  }
  const responses: Record<string, unknown> = {
    [doc.response.status]: {
      description: doc.response.description,
      ...(doc.response.schema
        ? { content: { "application/json": { schema: jsonSchema(doc.response.schema, "output") } } }
        : doc.response.contentType
          ? { content: { [doc.response.contentType]: { schema: { type: "string" } } } }
          : {}),
    },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of doc.errors ?? [])
    byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
  for (const [status, codes] of byStatus) {
    responses[status] = {
      description: codes.map((code) => `\`${code}\``).join(", "),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId: `${doc.method}${doc.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
    summary: doc.summary,
    tags: [doc.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(doc.body, "input") } } } }
      : {}),
    responses,
    ...(doc.auth === "admin"
      ? { security: [{ adminKey: [] }] }
      : doc.auth === "manage"
        ? { security: [{ manageToken: [] }, {}] }
        : {}),
  };
}

/** The OpenAPI document of every route in the table. */
export function buildOpenApi(docs: RouteDoc[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) paths[doc.path] = { ...paths[doc.path], [doc.method]: operation(doc) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Slotbook API",
      version: "1.0.0",
      description:
        "Book a demo class: public widget routes, manage routes for the visitor, admin routes for the marketer. Errors are RFC 9457 problem+json with a stable `code`.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, "output") },
      securitySchemes: {
        adminKey: { type: "http", scheme: "bearer", description: "Admin API key, sk_…" },
        manageToken: { type: "http", scheme: "bearer", description: "Manage token returned when the booking was made" },
      },
    },
  };
}
