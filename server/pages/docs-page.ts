/**
 * @module `/docs`: the API reference, rendered on the server from the same document as `/openapi.json`: per route
 * its method, path, auth, parameters, bodies (field tables and JSON examples) and errors. No script, no other host.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { OpenAPIV3_1 } from "openapi-types";
import { ERROR_CODES, type ErrorCode } from "../../sdk/index.js";
import type { OpenApiDocument } from "../openapi/build-document.js";
import { exampleOf, type JsonSchema } from "../openapi/json-example.js";
import { schemaFields, typeLabel } from "../openapi/schema-fields.js";
import { page } from "./layout.js";

type Operation = OpenAPIV3_1.OperationObject;
type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
interface Entry {
  method: string;
  path: string;
  op: Operation;
}

const METHODS = ["get", "post", "patch", "put", "delete"] as const;

const AUTH: Record<string, Html> = {
  adminKey: html`<strong>Admin key</strong>: <code>Authorization: Bearer sk_…</code>`,
  manageToken: html`<strong>Manage token</strong>: <code>Authorization: Bearer &lt;token&gt;</code>`,
  manageTokenQuery: html`or <code>?token=&lt;token&gt;</code>`,
  consoleSession: html` or the console's <strong>session cookie</strong> (changes only from the console's origin)`,
};

/** `#op-getV1WidgetsByWidgetId`: a stable anchor per route. */
const anchor = (e: Entry) => `op-${e.op.operationId ?? `${e.method}${e.path}`.replace(/[^A-Za-z0-9]+/g, "-")}`;

/** Inline code for a description: `x` → <code>x</code>, everything else escaped. */
function prose(text: string | undefined): Html {
  if (!text) return html``;
  const parts = text.split(/`([^`]+)`/);
  return html`${parts.map((part, i) => (i % 2 ? html`<code>${part}</code>` : html`${part}`))}`;
}

function fieldTable(schema: JsonSchema, resolve: (ref: string) => JsonSchema | undefined): Html {
  const rows = schemaFields(schema, resolve);
  if (rows.length === 0) return html`<p class="muted">Type <code>${typeLabel(schema, resolve)}</code>.</p>`;
  return html`<div class="scroll"><table class="fields"><thead><tr><th>Field</th><th>Type</th><th>Rules and description</th></tr></thead><tbody>
${rows.map(
  (f) =>
    html`<tr><td><code>${f.path}</code>${f.required ? html` <span class="req">required</span>` : ""}</td><td class="type"><code>${f.type}</code></td><td class="desc">${f.rules.length ? html`<span class="muted">${f.rules.join("; ")}</span>` : ""}${f.rules.length && f.description ? html`<br>` : ""}${prose(f.description)}</td></tr>`,
)}</tbody></table></div>`;
}

function example(value: unknown): Html {
  return html`<pre class="json">${JSON.stringify(value, null, 2)}</pre>`;
}

function body(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined, resolve: Resolve): Html {
  if (!content) return html``;
  return html`${Object.entries(content).map(([type, media]) => {
    const schema = media.schema as JsonSchema | undefined;
    if (type !== "application/json" || !schema) return html`<p>Content type <code>${type}</code>.</p>`;
    return html`<p class="muted">Content type <code>${type}</code>.</p>${fieldTable(schema, resolve)}
<details class="ex" open><summary>Example</summary>${example(exampleOf(schema, "", resolve))}</details>`;
  })}`;
}

type Resolve = (ref: string) => JsonSchema | undefined;

function parameters(op: Operation): Html {
  const list = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  if (list.length === 0) return html``;
  return html`<h4>Parameters</h4><div class="scroll"><table class="params"><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>
${list.map((p) => {
  const schema = (p.schema ?? {}) as JsonSchema;
  const rules = [
    ...(schema.enum ? [`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`] : []),
    ...(schema.default !== undefined ? [`default ${JSON.stringify(schema.default)}`] : []),
    ...(schema.maxLength !== undefined ? [`at most ${schema.maxLength} characters`] : []),
  ];
  const description = p.description ?? schema.description;
  return html`<tr><td><code>${p.name}</code>${p.required ? html` <span class="req">required</span>` : ""}</td><td>${p.in}</td><td class="type"><code>${typeLabel(schema, () => undefined)}</code></td><td class="desc">${prose(description)}${rules.length ? html`${description ? html`<br>` : ""}<span class="muted">${rules.join("; ")}</span>` : ""}${schema.examples?.length ? html`<br><span class="muted">e.g. <code>${String(schema.examples[0])}</code></span>` : ""}</td></tr>`;
})}</tbody></table></div>`;
}

function errorRows(op: Operation): { status: string; code: ErrorCode }[] {
  const rows: { status: string; code: ErrorCode }[] = [];
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const media = (response as OpenAPIV3_1.ResponseObject).content?.["application/problem+json"];
    for (const code of Object.keys(media?.examples ?? {})) rows.push({ status, code: code as ErrorCode });
  }
  return rows;
}

function operation(e: Entry, resolve: Resolve): Html {
  const { op } = e;
  const security = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const successes = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith("2"));
  const errors = errorRows(op);
  const requestBody = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  return html`<section class="op" id="${anchor(e)}">
<h3><span class="verb ${e.method}">${e.method.toUpperCase()}</span> <code>${e.path}</code></h3>
<p>${prose(op.summary)}</p>${op.description ? html`<p>${prose(op.description)}</p>` : ""}
<p class="auth">${security.length ? html`Auth: ${security.map((s) => AUTH[s] ?? s)}` : html`Auth: none`}</p>
${parameters(op)}
${requestBody ? html`<h4>Request body</h4>${body(requestBody.content, resolve)}` : ""}
<h4>Responses</h4>
${successes.map(([status, response]) => {
  const r = response as OpenAPIV3_1.ResponseObject;
  return html`<div class="answer"><p><span class="status">${status}</span> ${prose(r.description)}</p>${body(r.content, resolve)}</div>`;
})}
${
  errors.length
    ? html`<h4>Errors</h4><p class="muted">As <code>application/problem+json</code>, <a href="#problem">the problem document</a>.</p><div class="scroll"><table class="errors"><thead><tr><th>Status</th><th>Code</th><th>Title</th></tr></thead><tbody>
${errors.map((row) => html`<tr><td class="status">${row.status}</td><td><code>${row.code}</code></td><td>${ERROR_CODES[row.code]?.title ?? ""}</td></tr>`)}</tbody></table></div>`
    : ""
}
</section>`;
}

/** The API reference page. */
export function docsPage(doc: OpenApiDocument, baseUrl: string) {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve: Resolve = (ref) => schemas[ref.replace("#/components/schemas/", "")];
  const entries: Entry[] = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Record<string, Operation | undefined>)[method];
      return op ? [{ method, path, op }] : [];
    }),
  );
  const tags = (doc.tags ?? []).map((t) => t.name).filter((name) => entries.some((e) => e.op.tags?.includes(name)));
  const byTag = (tag: string) => entries.filter((e) => e.op.tags?.[0] === tag);
  const problem = schemas.Problem;
  return page(
    "Slotbook API reference",
    html`<h1>Slotbook API</h1>
<p>${prose(doc.info.description)}</p>
<p class="muted">Base URL <code>${baseUrl}</code> · machine-readable: <a href="${baseUrl}/openapi.json">/openapi.json</a> (OpenAPI ${doc.openapi})</p>
<pre>curl ${baseUrl}/v1/widgets/wgt_demo/slots</pre>
<nav class="toc" aria-label="Routes">${tags.map(
      (tag) => html`<section><h2><a href="#tag-${tag}">${tag}</a></h2><ul>
${byTag(tag).map((e) => html`<li><a href="#${anchor(e)}"><span class="verb ${e.method}">${e.method.toUpperCase()}</span> <code>${e.path}</code></a></li>`)}</ul></section>`,
    )}<section><h2><a href="#problem">Errors</a></h2><ul><li><a href="#problem">The problem document and every code</a></li></ul></section></nav>
${tags.map(
  (tag) => html`<h2 class="tag" id="tag-${tag}">${tag}</h2>
<p class="muted">${prose(doc.tags?.find((t) => t.name === tag)?.description)}</p>
${byTag(tag).map((e) => operation(e, resolve))}`,
)}
<h2 class="tag" id="problem">Errors</h2>
<p>Every error is RFC 9457 <code>application/problem+json</code>; clients branch on <code>code</code>.</p>
${problem ? fieldTable(problem, resolve) : ""}
${example({ type: "https://slotbook.dev/errors/slot_full", title: "Slot is full", status: 409, code: "slot_full", detail: "Every seat in this slot is taken" })}
<div class="scroll"><table class="errors"><thead><tr><th>Status</th><th>Code</th><th>Title</th></tr></thead><tbody>
${Object.entries(ERROR_CODES).map(([code, { status, title }]) => html`<tr><td class="status">${status}</td><td><code>${code}</code></td><td>${title}</td></tr>`)}</tbody></table></div>`,
    baseUrl,
    { wide: true },
  );
}
