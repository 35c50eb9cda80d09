/**
 * @module Request validation with the contract's schemas, as route middleware (hono-openapi's `validator`, so each
 * schema also lands in `/openapi.json`), answering in the contract's terms: 415 for a body that is not JSON, 400 for
 * JSON that does not parse and for bad query, path or header values, 422 `validation_failed` for a body the schema
 * refuses, each with `issues` = `[{ path, code, message }]`.
 */
import type { Context, Env } from "hono";
import { validator } from "hono-openapi";
import { type $ZodType, type output, safeParse } from "zod/v4/core";
import { type Issue, toIssues } from "../../sdk/schemas/problem.js";
import { DomainError, validationFailed } from "../domain/domain-error.js";

/** The media types a JSON body may come as (`application/json`, `application/merge-patch+json`, …), as Hono's own validator reads them. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** A Standard Schema issue; zod's also carry a `code`. */
interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Standard Schema issues as the contract's. */
function issuesOf(issues: ReadonlyArray<SchemaIssue>): Issue[] {
  return toIssues(
    issues.map((issue) => ({
      path: (issue.path ?? []).map((part) => (typeof part === "object" ? part.key : part)),
      code: "code" in issue && typeof issue.code === "string" ? issue.code : "invalid",
      message: issue.message,
    })),
  );
}

type Result = { success: true } | { success: false; error: ReadonlyArray<SchemaIssue> };

const refuseBody = (result: Result) => {
  if (!result.success) throw validationFailed(issuesOf(result.error));
};
const refuseAs = (detail: string) => (result: Result) => {
  if (!result.success) throw new DomainError("bad_request", detail, { issues: issuesOf(result.error) });
};

/**
 * The body read once (`c.req.text()`: on Node straight off the socket, or what `limitBody` buffered), parsed once and
 * checked once: 415 for another type, 400 for bad JSON, 422 for what the schema refuses. Hono's validator would hand
 * the schema `{}` for a body of another type (a 422 that blames the fields, not the type), answer bad JSON without a
 * problem document, and parse the body a second time.
 */
async function readJson<S extends $ZodType>(c: Context, schema: S): Promise<output<S>> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(type)) throw new DomainError("unsupported_media_type", "Send the body as application/json");
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON");
  }
  const result = safeParse(schema, body);
  if (!result.success) throw validationFailed(issuesOf(result.error.issues));
  return result.data;
}

/** Validate the JSON body: `c.req.valid("json")` is the schema's output. */
export function jsonBody<S extends $ZodType, E extends Env, P extends string>(schema: S) {
  // Not called: it carries the symbol-keyed description hono-openapi reads to put the schema in the document.
  const described = validator<S, "json", E, P>("json", schema, refuseBody);
  const middleware: typeof described = async (c, next) => {
    c.req.addValidatedData("json", (await readJson(c, schema)) as object);
    await next();
  };
  return Object.assign(middleware, described);
}

/**
 * `jsonBody` for a body that may be left out: a request with no body at all (no type, no length) is read as `{}`,
 * so `curl -X POST` works as well as a client that sends JSON.
 */
export function optionalJsonBody<S extends $ZodType, E extends Env, P extends string>(schema: S) {
  const body = jsonBody<S, E, P>(schema);
  const middleware: typeof body = async (c, next) => {
    const raw = c.req.raw;
    const sent = raw.headers.has("content-type") || raw.headers.has("transfer-encoding");
    if (!sent && !(Number(raw.headers.get("content-length")) > 0)) {
      const headers = new Headers(raw.headers);
      headers.set("content-type", "application/json");
      c.req.raw = new Request(raw, { body: "{}", headers });
    }
    return body(c, next);
  };
  return Object.assign(middleware, body);
}

/**
 * A validator for the path, query or headers, checked in the request's own turn: hono-openapi's `validator` (kept
 * for the symbol-keyed description that puts the schema in `/openapi.json`) goes through the async Standard Schema
 * hop and reads the body's media type for every target, which measured as a middleware layer of its own.
 */
function checked<S extends $ZodType, T extends "param" | "query" | "header", E extends Env, P extends string>(
  target: T,
  schema: S,
  read: (c: Context) => unknown,
  detail: string,
) {
  const refuse = refuseAs(detail);
  const described = validator<S, T, E, P>(target, schema, refuse);
  const middleware: typeof described = async (c, next) => {
    const result = safeParse(schema, read(c));
    if (!result.success) refuse({ success: false, error: result.error.issues });
    c.req.addValidatedData(target, result.data as object);
    await next();
  };
  return Object.assign(middleware, described);
}

/** The query string as hono's validator reads it: a name given once is a string, given more often an array. */
function queryOf(c: Context): Record<string, string | string[]> {
  const value: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) value[name] = values.length === 1 ? values[0]! : values;
  return value;
}

/** Validate the query string: `c.req.valid("query")`. */
export function query<S extends $ZodType, E extends Env, P extends string>(schema: S) {
  return checked<S, "query", E, P>("query", schema, queryOf, "Some query parameters are invalid");
}

/** Validate the path parameters: `c.req.valid("param")`, typed, never `undefined`. */
export function params<S extends $ZodType, E extends Env, P extends string>(schema: S) {
  return checked<S, "param", E, P>("param", schema, (c) => c.req.param(), "Some path parameters are invalid");
}

/**
 * Validate request headers (lower-case names): `c.req.valid("header")`. Only the headers an object schema names are
 * read (it drops the others anyway); another schema gets them all.
 */
export function headers<S extends $ZodType, E extends Env, P extends string>(schema: S, detail: string) {
  const shape = (schema._zod.def as { shape?: Record<string, unknown> }).shape;
  const names = shape ? Object.keys(shape) : undefined;
  const read = (c: Context) => {
    if (!names) return c.req.header();
    const value: Record<string, string> = {};
    for (const name of names) {
      const header = c.req.header(name);
      if (header !== undefined) value[name] = header;
    }
    return value;
  };
  return checked<S, "header", E, P>("header", schema, read, detail);
}

/** Media types a beacon body may come as: `navigator.sendBeacon` with a string sends `text/plain`. */
const BEACON_MEDIA_TYPE = /^(application\/json|text\/plain)$/i;

/**
 * A JSON body sent as `application/json` or, from `navigator.sendBeacon`, `text/plain` (which needs no CORS
 * preflight), checked against `schema`: 415, 400 and 422 as for `jsonBody`.
 */
export async function beaconBody<S extends $ZodType>(c: Context, schema: S): Promise<output<S>> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
  if (!BEACON_MEDIA_TYPE.test(type)) {
    throw new DomainError("unsupported_media_type", "Send the body as application/json or text/plain");
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON");
  }
  const result = safeParse(schema, body);
  if (!result.success) throw validationFailed(issuesOf(result.error.issues));
  return result.data;
}
