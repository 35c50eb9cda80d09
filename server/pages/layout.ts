/** @module The plain HTML shell of the server's own pages (demo, docs, manage): no external assets, works offline. */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

const CSS = `:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0 auto;max-width:760px;padding:32px 20px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin-top:32px}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}pre{background:rgba(127,127,127,.12);padding:12px;border-radius:8px;overflow:auto}
.muted{opacity:.7}.op{border-top:1px solid rgba(127,127,127,.25);padding:10px 0}.m{display:inline-block;min-width:58px;font-weight:600}
a{color:#4f46e5}button{font:inherit;padding:8px 16px;border-radius:8px;border:1px solid #b91c1c;background:#b91c1c;color:#fff;cursor:pointer}
.card{border:1px solid rgba(127,127,127,.3);border-radius:12px;padding:20px;margin:16px 0}`;

/** A full page with our stylesheet. */
export function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${raw(CSS)}</style></head><body>${body}</body></html>`;
}
