/** @module Runs CLI input through the contract's schemas; the first issue becomes a one-line `UsageError` naming its flag. */
import * as z from "zod/mini";
import { UsageError } from "./io.js";

/**
 * Parses `value` with `schema`. On failure, the issue's innermost field name ("" for the value
 * itself) is looked up in `flagOf` to name the flag; an item of a repeated flag is quoted.
 * @example validate(widgetCreateSchema, input, { title: "--title", allowedOrigins: "--origin" })
 */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  flagOf: Record<string, string>,
): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const key = [...path].reverse().find((part): part is string => typeof part === "string") ?? "";
  const index = path.at(-1);
  const list = typeof index === "number" ? (value as Record<string, unknown>)[key] : undefined;
  const item = Array.isArray(list) ? ` "${String(list[index as number])}"` : "";
  throw new UsageError(`${flagOf[key] ?? "input"}${item}: ${issue?.message ?? "invalid value"}`);
}
