/** @module Reads and validates request bodies and queries with the contract's schemas. */
import type { Context } from "hono";
import * as z from "zod/mini";
import type { $ZodType, output } from "zod/v4/core";
import { toIssues } from "../../sdk/index.js";
import { DomainError, validationFailed } from "../domain/domain-error.js";

/** Parse a JSON body with a schema: 415 when it is not JSON, 400 when it does not parse, 422 when the schema says no. */
export async function parseJsonBody<S extends $ZodType>(c: Context, schema: S): Promise<output<S>> {
  return parseWith(schema, await readJson(c));
}

/** The raw JSON value of a request body, with the same 415/400 answers as `parseJsonBody`. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type)) {
    throw new DomainError("unsupported_media_type", "Send the body as application/json");
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON");
  }
}

/** Validate a value with a schema, 422 `validation_failed` with issues when it fails. */
export function parseWith<S extends $ZodType>(schema: S, value: unknown): output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationFailed(toIssues(result.error.issues));
  return result.data;
}

/** Validate the query string: 400 `bad_request` with issues when a parameter has the wrong type. */
export function parseQuery<S extends $ZodType>(c: Context, schema: S): output<S> {
  try {
    return parseWith(schema, c.req.query());
  } catch (err) {
    if (err instanceof DomainError)
      throw new DomainError("bad_request", "Some query parameters are invalid", { issues: err.issues });
    throw err;
  }
}
