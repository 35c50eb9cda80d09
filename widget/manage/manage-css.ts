/**
 * @module What the manage page adds to the widget's stylesheet (widget-css.ts, shared as it is): the status badge,
 * the picker's heading and the page around the card; colours are the widget's variables, so light, dark and the
 * accent follow the widget's theme.
 */

/** Adopted into the manage page's shadow root after the widget's sheets. */
export const MANAGE_CSS = `\
.badge{display:inline-block;margin:0 0 10px;padding:2px 12px;border-radius:999px;font-size:.8em;font-weight:650;letter-spacing:.04em;text-transform:uppercase;background:color-mix(in srgb,#1a7f37 14%,var(--bg));color:var(--fg);border:1px solid color-mix(in srgb,#1a7f37 45%,var(--bg))}\
.badge.cancelled,.badge.erased{background:var(--sf);border-color:var(--sl);color:var(--mu)}\
.when.gone{text-decoration:line-through;color:var(--mu)}\
.done .row{justify-content:center}\
.done .row .btn{flex:1 1 180px}\
.acts .link{font-size:.93em}\
.org a{color:var(--at);text-underline-offset:3px}\
[part=location] a{color:var(--at);text-underline-offset:3px}\
.done [part=location],.org{display:block}\
.done [part=location] svg{vertical-align:-2px;margin-inline-end:6px}\
.move{margin-top:8px}\
.pick{margin:8px 0 0}\
.wide{width:100%;margin-top:10px}`;

/** The page around the card (a document sheet: the body lies outside the shadow root). */
export const MANAGE_PAGE_CSS = `\
html{background:#eef0f3}\
html.dark{background:#0b0d10;color-scheme:dark}\
@media (prefers-color-scheme:dark){html.auto{background:#0b0d10;color-scheme:dark}}\
body{margin:0;padding:clamp(12px,5vw,56px) clamp(8px,3vw,24px);min-height:100vh;box-sizing:border-box}\
noscript{font:16px/1.5 system-ui}`;
