/**
 * @module A JSON example for a JSON Schema, for the reference: the schema's own `examples` where it has them, else
 * one made up from its type, format, pattern, enum and bounds (and, for plain strings, the field's name).
 */

/** The slice of JSON Schema (2020-12, as zod and OpenAPI 3.1 write it) that examples and field tables read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

/** An instant as the API writes them. */
const INSTANT = "2026-12-01T14:00:00.000Z";

/** Id prefixes of the API (`wgt_`, `slot_`, …) → an example id. */
const IDS: Record<string, string> = {
  wgt: "wgt_demo",
  slot: "slot_7hX2kP9qRt",
  bkg: "bkg_4JqZ8n2Lw0",
  key: "key_M3vT8cQe1s",
  whk: "whk_Q2nV5bR8sx",
};

/** Plain strings by field name, so an example reads like a real request. */
const BY_NAME: Record<string, string> = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  phone: "+4915112345678",
  phoneCountry: "DE",
  phoneExample: "01512 3456789",
  title: "Demo class",
  label: "Morning group",
  timezone: "Europe/Berlin",
  locale: "en",
  accent: "#4f46e5",
  manageToken: "mt_9fK2rT7wQx1Lm4Zp",
  manageUrl: "https://book.example.com/manage/bkg_4JqZ8n2Lw0?token=mt_9fK2rT7wQx1Lm4Zp",
  secret: "sk_live_7Qm2Xv9Lr4Tn8Pw1",
  pageUrl: "https://school.example/trial",
  referrer: "https://www.google.com/",
  redirectUrl: "https://school.example/thanks",
  url: "https://school.example/class",
  cursor: "eyJjIjoiMjAyNi0xMi0wMSJ9",
  nextCursor: "eyJjIjoiMjAyNi0xMi0wMSJ9",
  address: "Main Street 1, Berlin",
  detail: "Every seat in this slot is taken",
  text: "I agree to be contacted about this class.",
};

function fromPattern(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const prefix = /^\^([a-z]+)_/.exec(pattern)?.[1];
  if (prefix && IDS[prefix]) return IDS[prefix];
  if (pattern.startsWith("^\\d{4}-")) return INSTANT;
  return undefined;
}

function stringExample(schema: JsonSchema, name: string): string {
  if (schema.format === "date-time") return INSTANT;
  if (schema.format === "email") return BY_NAME.email!;
  if (schema.format === "uri" || schema.format === "url") return BY_NAME.url!;
  const value = fromPattern(schema.pattern) ?? BY_NAME[name] ?? (/email/i.test(name) ? BY_NAME.email : undefined);
  if (value !== undefined) return value;
  const text = name ? `${name} text` : "text";
  return schema.maxLength !== undefined && text.length > schema.maxLength ? text.slice(0, schema.maxLength) : text;
}

/**
 * An example value for `schema`; `name` is the property it sits under, `resolve` follows `$ref`s, `depth` stops
 * recursive schemas.
 * @example exampleOf({ type: "object", properties: { id: { type: "string", pattern: "^wgt_…" } } }) // { id: "wgt_demo" }
 */
export function exampleOf(
  schema: JsonSchema,
  name = "",
  resolve: (ref: string) => JsonSchema | undefined = () => undefined,
  depth = 0,
): unknown {
  if (depth > 8) return null;
  if (schema.$ref) {
    const target = resolve(schema.$ref);
    return target ? exampleOf(target, name, resolve, depth + 1) : null;
  }
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) {
    const first = choices.find((choice) => choice.type !== "null") ?? choices[0]!;
    return exampleOf(first, name, resolve, depth + 1);
  }
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((part) => exampleOf(part, name, resolve, depth + 1));
    return parts.every((part) => part && typeof part === "object" && !Array.isArray(part))
      ? Object.assign({}, ...parts)
      : parts[0];
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return stringExample(schema, name);
    case "integer":
    case "number":
      return schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : Math.min(1, schema.maximum ?? 1);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return schema.items ? [exampleOf(schema.items, singular(name), resolve, depth + 1)] : [];
    default: {
      if (!schema.properties) {
        const extra = schema.additionalProperties;
        return extra && typeof extra === "object" ? { key: exampleOf(extra, "", resolve, depth + 1) } : {};
      }
      return Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, exampleOf(value, key, resolve, depth + 1)]),
      );
    }
  }
}

/** `slots` → `slot`, so an array's items get the item's name. */
function singular(name: string): string {
  return name.endsWith("s") ? name.slice(0, -1) : name;
}
