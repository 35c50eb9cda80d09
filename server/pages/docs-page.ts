/** @module `/docs`: a readable API reference rendered from the same route table as `/openapi.json`. */
import { html } from "hono/html";
import type { RouteDoc } from "../http/route-table.js";
import { page } from "./layout.js";

/** The API reference page. */
export function docsPage(docs: RouteDoc[], baseUrl: string) {
  const tags = [...new Set(docs.map((d) => d.tag))];
  return page(
    "Slotbook API reference",
    html`<h1>Slotbook API</h1>
<p class="muted">JSON in and out. Errors are RFC 9457 <code>application/problem+json</code> with a stable <code>code</code>.
Machine-readable: <a href="${baseUrl}/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<pre>curl ${baseUrl}/v1/widgets/wgt_demo/slots</pre>
${tags.map(
  (tag) => html`<h2>${tag}</h2>
${docs
  .filter((d) => d.tag === tag)
  .map(
    (d) => html`<div class="op"><span class="m">${d.method.toUpperCase()}</span> <code>${d.path}</code>
<div>${d.summary}${d.auth === "admin" ? html` <span class="muted">· admin key</span>` : d.auth === "manage" ? html` <span class="muted">· manage token</span>` : ""}</div>
${d.errors?.length ? html`<div class="muted">Errors: ${d.errors.join(", ")}</div>` : ""}</div>`,
  )}`,
)}`,
  );
}
