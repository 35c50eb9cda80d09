/**
 * @module The widget's stylesheet as a string, adopted into each shadow root as a constructable stylesheet.
 * A TS string rather than a `.css?inline` import, so `slotbook/widget` also works outside Vite.
 * Colours meet WCAG 2.2 AA: text ≥ 4.5:1 and borders of controls ≥ 3:1 on their background, in both modes.
 * The light palette is set on `:host` (the floating button's host too); `.dark`, and `.auto` when the system prefers
 * dark, override it. (`light-dark()` would write each colour once, but gzip already folds the repeat to ~10 bytes,
 * and it needs Safari 17.5: this sheet works from Safari 16.4, Chrome 111, Firefox 113, for `color-mix()`.)
 * The chosen day and time: the accent with `--on` text in light mode; in dark mode the accent mixed half with white
 * and #111 text, since an accent dark enough for white text sits near the dark background (indigo: 2.8:1) — half
 * white keeps #111 text ≥ 4.7:1 and the fill ≥ 4.4:1 on the background for any accent (black is the worst case). A
 * `--fg` border and a ✓ mark it without relying on colour; full times are pale and dashed. Days wrap into rows of
 * whole days (52 px: weekday, number and month fit; five to a row on a 360 px phone) instead of scrolling out of sight.
 * `env(safe-area-inset-*)` is 0 where there is no notch; every browser the bundle targets knows it, and `system-ui`,
 * so the font needs no fallback list.
 * The tick, close button and spinner take their size from padding around their 26 px, 20 px and no icon.
 * One rule a line; the `\` at each line's end keeps newlines out of the string. The order of rules, selectors and
 * declarations is tuned for gzip (re-measure after a change); rules that set the same property keep their cascade
 * order, e.g. `[aria-checked]:disabled` comes after the hover rule, so a full time never takes the hover border.
 */
export const WIDGET_CSS = `\
@media (prefers-reduced-motion){*{animation:none!important;transition:none!important}}\
:host{all:initial;--on:var(--slotbook-accent-text,var(--sb-on));--a:var(--slotbook-accent,var(--sb-a));--at:color-mix(in srgb,var(--a) 80%,#000);--ring:var(--a);--sel:var(--a);--son:var(--on);--bg:#fff;--bd:#8a93a3;--fg:#16181d;--sf:#f5f6f8;--sl:#c9ced6;--er:#b3261e;--ln:#e3e6eb;--mu:#555d6b;font:15px/1.5 var(--slotbook-font,system-ui);--cr:min(var(--r),10px);--r:var(--slotbook-radius,var(--sb-r));display:block}\
.dark{color-scheme:dark;--at:color-mix(in srgb,var(--a) 45%,#fff);--ring:color-mix(in srgb,var(--a) 55%,#fff);--sel:color-mix(in srgb,var(--a) 50%,#fff);--son:#111;--bg:#16181d;--bd:#6f7887;--fg:#f2f4f7;--sf:#1f232a;--sl:#474d58;--er:#ff8a80;--ln:#2c313a;--mu:#aab2bf}\
@media (prefers-color-scheme:dark){.auto{color-scheme:dark;--at:color-mix(in srgb,var(--a) 45%,#fff);--ring:color-mix(in srgb,var(--a) 55%,#fff);--sel:color-mix(in srgb,var(--a) 50%,#fff);--son:#111;--bg:#16181d;--bd:#6f7887;--fg:#f2f4f7;--sf:#1f232a;--sl:#474d58;--er:#ff8a80;--ln:#2c313a;--mu:#aab2bf}}\
:host([hidden]){display:none}\
*{box-sizing:border-box;font:inherit;color:inherit}\
:focus-visible{outline:2px solid var(--ring);outline-offset:2px}\
.root{padding:clamp(16px,4vw,28px);-webkit-font-smoothing:antialiased;color:var(--fg);background:var(--bg);border:1px solid var(--ln);border-radius:var(--r);margin:0 auto;width:100%;max-width:560px}\
h2{line-height:1.3;font-weight:650;font-size:1.25em;margin:0 0 4px;letter-spacing:-.01em}\
h3{font-weight:650;font-size:1.15em;margin:0}\
.days+h3{text-transform:uppercase;color:var(--mu);font-size:.8em;margin:20px 0 8px;letter-spacing:.06em}\
.slot:disabled b{text-decoration:line-through}\
svg{flex:none}\
form,p{margin:0}\
.tz{margin:12px 0 16px;display:flex;gap:6px;align-items:center;overflow-wrap:anywhere}\
.days,.times{grid:none/repeat(auto-fill,minmax(52px,1fr));display:grid;gap:8px}\
.day{line-height:1.25;padding:8px 2px;align-items:center}\
.desc,.tz{color:var(--mu);font-size:.93em}\
.slot{text-align:start;padding:10px 12px;align-items:start}\
button{cursor:pointer}\
.day b{font-weight:650;font-size:1.3em}\
.slot b{font-weight:600}\
.day,.slot{background:var(--bg);border:1px solid var(--sl);border-radius:var(--cr);transition:background .15s,border .15s,color .15s;display:flex;flex-flow:column}\
small{color:var(--mu);font-size:.8em}\
.times{grid:none/repeat(auto-fill,minmax(128px,1fr))}\
[aria-checked=false]:hover{border-color:var(--a)}\
[aria-checked=true]{border-color:var(--fg);background:var(--sel);color:var(--son)}\
[aria-checked=true] small{color:inherit}\
:disabled{cursor:not-allowed}\
[aria-checked]:disabled{background:var(--sf);border:1px dashed var(--sl);color:var(--mu)}\
.primary,.tick,.fab{background:var(--a);color:var(--on)}\
.btn{border-radius:var(--cr);min-height:44px;font-weight:600;text-decoration:none;transition:filter .15s;gap:8px;border:1px solid #0000;padding:10px 18px}\
.overlay,.tick,.x,.btn{align-items:center;display:inline-flex;justify-content:center}\
.danger{color:var(--bg);background:var(--er)}\
.link,.x,.ghost{background:none}\
.ghost{border-color:var(--bd);color:var(--at)}\
.primary:disabled{opacity:.7}\
.link{text-underline-offset:3px;border:0;padding:4px;font-weight:600;text-decoration:underline;color:var(--at)}\
.primary:hover:not(:disabled){filter:brightness(1.08)}\
.primary{margin-top:20px;width:100%}\
.row{flex-flow:wrap;display:flex;gap:10px}\
.summary,.notice,.empty,.sk{border-radius:var(--cr);background:var(--sf)}\
.summary{display:flex;gap:12px;align-items:center;padding:12px 14px;justify-content:space-between;margin:16px 0 4px;font-weight:600}\
.done,.row,.notice,.empty,.more,.field{margin-top:16px}\
label{margin-bottom:6px;font-weight:600;display:block;font-size:.93em}\
.slot[aria-checked=true] b::after{content:" \\2713"}\
[part=input]{background:var(--bg);border:1px solid var(--bd);display:block;padding:10px 12px;border-radius:var(--cr);min-height:44px;width:100%}\
.row .btn{flex:160px}\
.check{align-items:start;display:flex;gap:10px;margin:0}\
.field textarea{resize:vertical;min-height:88px}\
.check input{flex:none;height:20px;width:20px;accent-color:var(--a);margin:1px 0 0}\
.field :focus-visible{border-color:var(--ring);outline-offset:0}\
.field [aria-invalid=true]{border-color:var(--er)}\
.notice{align-items:start;display:flex;padding:12px 14px;flex-flow:column;gap:8px;border:1px solid var(--er)}\
.notice .btn{padding:6px 14px;min-height:36px}\
label span{font-weight:400;color:var(--mu)}\
.err{margin-top:6px;color:var(--er);font-size:.87em}\
.sr,.hp{margin:-1px;width:1px;clip-path:inset(50%);overflow:hidden;height:1px;white-space:nowrap;position:absolute}\
@keyframes fade{from{opacity:0}}\
.empty{text-align:center;padding:20px;color:var(--mu)}\
.when{margin:12px 0 4px;font-weight:600}\
.done{text-align:center;padding-top:24px;border-top:1px solid var(--ln)}\
.done .tz{margin:4px 0 8px;justify-content:center}\
.summary .tz{margin:4px 0 0;font-weight:400}\
.acts{flex-flow:wrap;display:flex;gap:4px 24px;margin-top:8px;justify-content:center}\
.sk{margin-top:10px;height:44px;animation:pulse 1.2s ease-in-out infinite}\
.sk:first-child{margin-top:0;height:26px;width:60%}\
.tick,.x,.spin{border-radius:50%}\
.tick{margin-bottom:12px;padding:13px}\
.spin{border:2px solid;animation:spin .7s linear infinite;border-right-color:#0000;padding:6px}\
.overlay{background:#0a0c1099;position:fixed;animation:fade .15s ease-out;overflow:auto;overscroll-behavior:contain;inset:0;z-index:2147483000;padding:16px}\
.dialog{overflow:auto;max-height:calc(100dvh - 32px);box-shadow:0 24px 64px #0000005a;position:relative}\
@keyframes spin{to{rotate:1turn}}\
.x{top:10px;inset-inline-end:10px;color:var(--mu);z-index:1;border:0;padding:10px;position:absolute}\
@keyframes pulse{50%{opacity:.5}}\
.x:hover{background:var(--sf)}\
.dialog h2{padding-inline-end:36px}\
.fab{line-height:1.2;padding:12px 22px;border-radius:999px;right:calc(16px + env(safe-area-inset-right));min-height:48px;bottom:calc(16px + env(safe-area-inset-bottom));max-width:calc(100vw - 32px);box-shadow:0 8px 24px #00000040;z-index:2147482999;position:fixed}`;
