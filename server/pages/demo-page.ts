/** @module `/demo`: the snippet a marketer pastes, live, for a first look. */
import { html } from "hono/html";
import { page } from "./layout.js";

/** The demo page for a widget. */
export function demoPage(baseUrl: string, widgetId: string) {
  return page(
    "Slotbook demo",
    html`<h1>Slotbook demo</h1>
<p class="muted">This page embeds widget <code>${widgetId}</code> with the snippet below, as your site would.</p>
<div data-slotbook="${widgetId}"></div>
<p><button type="button" class="primary" data-slotbook-open="${widgetId}">Open it as a popup</button></p>
<h2>The snippet</h2>
<pre>&lt;div data-slotbook="${widgetId}"&gt;&lt;/div&gt;
&lt;script async src="${baseUrl}/widget.js"&gt;&lt;/script&gt;</pre>
<p class="muted">API reference: <a href="${baseUrl}/docs">${baseUrl}/docs</a></p>
<script async src="${baseUrl}/widget.js"></script>`,
    baseUrl,
  );
}
