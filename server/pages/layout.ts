/** @module The plain HTML shell of the server's own pages (demo, docs, manage): no external assets, works offline. */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

const CSS = `:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;--accent:#4f46e5;--link:#4338ca}
@media (prefers-color-scheme:dark){:root{--link:#a5b4fc}}
body{margin:0 auto;max-width:760px;padding:32px 20px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin-top:32px}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}pre{background:rgba(127,127,127,.12);padding:12px;border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere}
.muted{opacity:.75}.op{border-top:1px solid rgba(127,127,127,.25);padding:10px 0}.m{display:inline-block;min-width:58px;font-weight:600}
a{color:var(--link)}.card{border:1px solid rgba(127,127,127,.3);border-radius:12px;padding:20px;margin:16px 0}.when{font-weight:600;font-size:1.1rem}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:9px 16px;border-radius:8px;border:1px solid rgba(127,127,127,.5);background:transparent;color:inherit;text-decoration:none;cursor:pointer;margin:4px 8px 4px 0}
.primary{background:var(--accent);border-color:var(--accent);color:#fff}.danger{background:#b91c1c;border-color:#b91c1c;color:#fff}`;

/** A full page with our stylesheet. */
export function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${raw(CSS)}</style></head><body>${body}</body></html>`;
}
