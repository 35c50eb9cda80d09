/** @module A JSON Schema as the rows of a field table: dotted path, type, required, rules and description. */
import type { JsonSchema } from "./json-example.js";

/** One row of a field table. */
export interface SchemaField {
  /** `slot.startsAt`, `slots[].capacity`, `answers.*`. */
  path: string;
  type: string;
  required: boolean;
  /** Enum values, bounds, pattern, format, default. */
  rules: string[];
  description: string | undefined;
}

/** A short type label: `string`, `integer`, `object[]`, `string | null`, `"ok"`. */
export function typeLabel(schema: JsonSchema, resolve: (ref: string) => JsonSchema | undefined): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return [...new Set(choices.map((choice) => typeLabel(choice, resolve)))].join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `${schema.items ? typeLabel(schema.items, resolve) : "any"}[]`;
  return schema.type ?? (schema.properties ? "object" : "any");
}

function rulesOf(schema: JsonSchema): string[] {
  const rules: string[] = [];
  if (schema.enum) rules.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (schema.format) rules.push(`format ${schema.format}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined)
    rules.push(`${schema.minLength}–${schema.maxLength} characters`);
  else if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  else if (schema.minLength !== undefined) rules.push(`at least ${schema.minLength} characters`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) rules.push(`${schema.minimum}–${schema.maximum}`);
  else if (schema.minimum !== undefined) rules.push(`≥ ${schema.minimum}`);
  else if (schema.maximum !== undefined) rules.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) rules.push(`at most ${schema.maxItems} items`);
  // Long patterns (the email check) say less than the field's name; short ones (id prefixes) say a lot.
  if (schema.pattern?.startsWith("^\\d{4}-")) rules.push("ISO 8601 time in UTC");
  else if (schema.pattern && schema.pattern.length <= 40) rules.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}

/** The object an entry stands for, looking through `$ref`, arrays and nullable unions. */
function objectOf(schema: JsonSchema, resolve: (ref: string) => JsonSchema | undefined): JsonSchema | undefined {
  if (schema.$ref) return undefined; // Named schemas (Problem) are documented once, not inlined.
  if (schema.properties) return schema;
  if (schema.type === "array" && schema.items) return objectOf(schema.items, resolve);
  const choices = (schema.anyOf ?? schema.oneOf)?.filter((choice) => choice.type !== "null");
  return choices?.length === 1 ? objectOf(choices[0]!, resolve) : undefined;
}

/**
 * Every field of an object schema, nested ones under dotted paths (at most `maxDepth` levels).
 * @example schemaFields({ type: "object", properties: { id: { type: "string" } }, required: ["id"] }, resolve)
 */
export function schemaFields(
  schema: JsonSchema,
  resolve: (ref: string) => JsonSchema | undefined,
  prefix = "",
  maxDepth = 4,
): SchemaField[] {
  const root = schema.$ref ? resolve(schema.$ref) : schema;
  const object = root && objectOf(root, resolve);
  if (!object?.properties) return [];
  const rows: SchemaField[] = [];
  for (const [key, value] of Object.entries(object.properties)) {
    const path = `${prefix}${key}`;
    rows.push({
      path,
      type: typeLabel(value, resolve),
      required: object.required?.includes(key) ?? false,
      rules: rulesOf(value),
      description: value.description,
    });
    if (maxDepth > 1) {
      const isArray = value.type === "array" || (value.anyOf ?? []).some((choice) => choice.type === "array");
      rows.push(...schemaFields(value, resolve, `${path}${isArray ? "[]" : ""}.`, maxDepth - 1));
      const extra = value.additionalProperties;
      if (extra && typeof extra === "object" && Object.keys(value.properties ?? {}).length === 0) {
        rows.push(...schemaFields(extra, resolve, `${path}.*.`, maxDepth - 1));
      }
    }
  }
  return rows;
}
