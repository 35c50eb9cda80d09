/** @module The stylesheet of the server's own pages (demo, docs), served as `/pages.css`; the manage page is the widget's. */

/** Every rule the pages use; no external fonts or images, so a page works offline and under `default-src 'none'`. */
export const PAGES_CSS = `:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;--accent:#4f46e5;--link:#4338ca;--line:rgba(127,127,127,.25);--tint:rgba(127,127,127,.1)}
@media (prefers-color-scheme:dark){:root{--link:#a5b4fc}}
body{margin:0 auto;max-width:760px;padding:32px 20px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin-top:32px}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}pre{background:var(--tint);padding:12px;border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere}
.muted{opacity:.75}
a{color:var(--link)}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:9px 16px;border-radius:8px;border:1px solid rgba(127,127,127,.5);background:transparent;color:inherit;text-decoration:none;cursor:pointer;margin:4px 8px 4px 0}
.primary{background:var(--accent);border-color:var(--accent);color:#fff}
body.wide{max-width:1040px}
.toc{columns:2 300px;column-gap:32px;padding:0;margin:8px 0 0}.toc section{break-inside:avoid;margin:0 0 16px}.toc h2{margin:0 0 6px;font-size:1rem}
.toc ul{list-style:none;margin:0;padding:0}.toc li{margin:3px 0}.toc a{display:flex;gap:8px;align-items:baseline}.toc code{overflow-wrap:anywhere}.toc .verb{flex:none}.toc a{text-decoration:none;color:inherit}.toc a:hover code{text-decoration:underline}
.tag{margin-top:48px;border-bottom:2px solid var(--line);padding-bottom:6px}
.op{border:1px solid var(--line);border-radius:12px;padding:16px 20px;margin:20px 0;scroll-margin-top:12px}
.op h3{margin:0;font-size:1.05rem;display:flex;flex-wrap:wrap;align-items:center;gap:8px;overflow-wrap:anywhere}
.op h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin:20px 0 6px;opacity:.8}
.verb{display:inline-block;min-width:60px;text-align:center;font-size:.75rem;font-weight:700;letter-spacing:.04em;padding:2px 8px;border-radius:6px;color:#fff;background:#475569}
.verb.get{background:#0f766e}.verb.post{background:#4338ca}.verb.patch{background:#a16207}.verb.delete{background:#b91c1c}
.auth{font-size:.85rem;margin:6px 0 0;overflow-wrap:anywhere}.auth strong{font-weight:600}
.scroll{overflow-x:auto;margin:0 -4px;padding:0 4px}
table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{text-align:left;vertical-align:top;padding:6px 10px 6px 0;border-bottom:1px solid var(--line)}
th{font-weight:600;white-space:nowrap}td code{white-space:nowrap}td.desc{min-width:200px}
.req{font-size:.72rem;font-weight:600;color:#b91c1c}@media (prefers-color-scheme:dark){.req{color:#fca5a5}}
.type{opacity:.8}.status{font-weight:700}.ex summary{cursor:pointer;font-size:.85rem;margin:8px 0 4px}
.answer{margin:10px 0 0;padding-left:12px;border-left:3px solid var(--line)}
@media (max-width:600px){body{padding:20px 14px}.op{padding:12px 14px}
table,tbody,tr,td{display:block}thead{display:none}tr{padding:8px 0;border-bottom:1px solid var(--line)}td{border:0;padding:1px 0}td.desc{min-width:0}td code{white-space:normal;overflow-wrap:anywhere}
td.type::before{content:"type ";opacity:.7}table.errors tr{display:flex;gap:10px;flex-wrap:wrap}table.params td:nth-child(-n+2){display:inline-block;margin-right:8px}}`;
