/** @module How a route describes itself once (summary, auth, answers, errors), as hono-openapi's `describeRoute`. */
import { describeRoute, resolver } from "hono-openapi";
import type { $ZodType } from "zod/v4/core";
import { ERROR_CODES, type ErrorCode } from "../../sdk/index.js";
import { problemBody } from "../http/problem.js";

/** The reference's sections, in the order `/docs` shows them. */
export type RouteTag = "Public" | "Manage" | "Admin" | "Console" | "System";

/** One success answer: JSON with a schema, another type (`text/csv`), or no body (204). */
export interface RouteAnswer {
  status: 200 | 201 | 202 | 204;
  description: string;
  /** The JSON body, in the contract's schema (documented as it is sent: `io: "output"`). */
  schema?: $ZodType;
  /** A body that is not JSON, e.g. `text/csv`. */
  contentType?: string;
}

/** What `describe` takes. */
export interface RouteDoc {
  summary: string;
  description?: string;
  tag: RouteTag;
  /** `admin`: Bearer `sk_…` or the console's session cookie; `manage`: the booking's manage token, as Bearer or `?token=`. */
  auth?: "admin" | "manage";
  /**
   * On an admin route that changes something, the least role a console user needs (default `editor`); reads need
   * `viewer`. An API key acts as an owner.
   */
  role?: "editor" | "owner";
  response: RouteAnswer | RouteAnswer[];
  /** Every code the route can answer with besides `unavailable` and `internal_error`, which any route can. */
  errors: ErrorCode[];
  /** False for routes that never touch the database (no 503). */
  store?: boolean;
}

/** What every route with a JSON body can answer before its handler runs. */
export const BODY_ERRORS = [
  "bad_request",
  "unsupported_media_type",
  "payload_too_large",
  "validation_failed",
] as const satisfies ErrorCode[];

/** The name of the `Problem` schema under `components.schemas`. */
export const PROBLEM_REF = "#/components/schemas/Problem";

type Responses = NonNullable<Parameters<typeof describeRoute>[0]["responses"]>;

/** Security requirements by the scheme names of `components.securitySchemes` (any one of a route's will do). */
const SECURITY: Record<NonNullable<RouteDoc["auth"]>, string[]> = {
  admin: ["adminKey", "consoleSession"],
  manage: ["manageToken", "manageTokenQuery"],
};

function answer(a: RouteAnswer): Responses[string] {
  if (a.schema) {
    // Answers are documented as sent (defaults applied, transforms done), bodies as accepted (the validator's default).
    return {
      description: a.description,
      content: { "application/json": { schema: resolver(a.schema, { options: { io: "output" } }) } },
    };
  }
  if (a.contentType)
    return { description: a.description, content: { [a.contentType]: { schema: { type: "string" as const } } } };
  return { description: a.description };
}

/** The problem+json answers of these codes, one per status, each code with its own example. */
function problems(codes: ErrorCode[]): Responses {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Responses = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: group.map((code) => `\`${code}\``).join(", "),
      content: {
        "application/problem+json": {
          // The shared Problem document with its `code` narrowed to what this status means here.
          schema: { allOf: [{ $ref: PROBLEM_REF }, { properties: { code: { enum: group } } }] },
          examples: Object.fromEntries(group.map((code) => [code, { value: problemBody(code) }])),
        },
      },
    };
  }
  return responses;
}

/**
 * The route's OpenAPI description as middleware (it only calls `next`): put it first in the route's handlers.
 * @example app.get("/v1/widgets/:widgetId", describe({ summary: "…", tag: "Public", response, errors }), …)
 */
export function describe(doc: RouteDoc) {
  const answers = Array.isArray(doc.response) ? doc.response : [doc.response];
  const errors: ErrorCode[] = [...doc.errors, ...(doc.store === false ? [] : (["unavailable"] as const))];
  return describeRoute({
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    ...(doc.auth ? { security: SECURITY[doc.auth].map((scheme) => ({ [scheme]: [] })) } : {}),
    responses: {
      ...Object.fromEntries(answers.map((a) => [String(a.status), answer(a)])),
      ...problems(errors),
    },
  });
}
