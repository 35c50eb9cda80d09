/**
 * @module The widget's stylesheet as a string, adopted into each shadow root as a constructable stylesheet.
 * A TS string rather than a `.css?inline` import, so `slotbook/widget` also works outside Vite.
 * Colours meet WCAG 2.2 AA: text ≥ 4.5:1 and borders of controls ≥ 3:1 on their background, in both modes.
 * The chosen day and time (`--sel`, text `--son`): the accent in light mode; in dark mode the accent mixed half with
 * white, since an accent dark enough for white text sits near the dark background (indigo: 2.8:1) — half white keeps
 * #111 text ≥ 4.7:1 and the fill ≥ 4.4:1 on the background for any accent (black is the worst case). A `--fg`
 * border and a ✓ mark it without relying on colour; full times are pale and dashed. Days wrap into rows of whole
 * days (52 px: weekday, number and month fit; five to a row on a 360 px phone) instead of scrolling out of sight.
 * `env(safe-area-inset-*)` is 0 where there is no notch; every browser the bundle targets knows it.
 */
export const WIDGET_CSS = `
:host{all:initial;display:block;--a:var(--slotbook-accent,var(--sb-a));--on:var(--slotbook-accent-text,var(--sb-on));--r:var(--slotbook-radius,var(--sb-r));--cr:min(var(--r),10px);--ring:var(--a);--font:var(--slotbook-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif)}
:host([hidden]){display:none}
*,::before,::after{box-sizing:border-box}
.root{--bg:#fff;--fg:#16181d;--mu:#555d6b;--bd:#8a93a3;--ln:#e3e6eb;--sl:#c9ced6;--sf:#f5f6f8;--er:#b3261e;--at:color-mix(in srgb,var(--a) 80%,#000);--sel:var(--a);--son:var(--on);font:15px/1.5 var(--font);color:var(--fg);background:var(--bg);border:1px solid var(--ln);border-radius:var(--r);padding:clamp(16px,4vw,28px);width:100%;max-width:560px;margin:0 auto;text-align:start;-webkit-font-smoothing:antialiased}
.dark{--bg:#16181d;--fg:#f2f4f7;--mu:#aab2bf;--bd:#6f7887;--ln:#2c313a;--sl:#474d58;--sf:#1f232a;--er:#ff8a80;--at:color-mix(in srgb,var(--a) 45%,#fff);--ring:color-mix(in srgb,var(--a) 55%,#fff);--sel:color-mix(in srgb,var(--a) 50%,#fff);--son:#111;color-scheme:dark}
@media (prefers-color-scheme:dark){.auto{--bg:#16181d;--fg:#f2f4f7;--mu:#aab2bf;--bd:#6f7887;--ln:#2c313a;--sl:#474d58;--sf:#1f232a;--er:#ff8a80;--at:color-mix(in srgb,var(--a) 45%,#fff);--ring:color-mix(in srgb,var(--a) 55%,#fff);--sel:color-mix(in srgb,var(--a) 50%,#fff);--son:#111;color-scheme:dark}}
h2{font-size:1.25em;line-height:1.3;font-weight:650;margin:0 0 4px;letter-spacing:-.01em}
h3{font-size:.8em;font-weight:650;text-transform:uppercase;letter-spacing:.06em;color:var(--mu);margin:20px 0 8px}
p{margin:0}
.desc,.tz{color:var(--mu);font-size:.93em}
.tz{margin:12px 0 16px;display:flex;gap:6px;align-items:center}
.tz svg{flex:none}
button,input,select,textarea{font:inherit;color:inherit}
:focus-visible{outline:2px solid var(--ring);outline-offset:2px}
.days{display:grid;grid-template-columns:repeat(auto-fill,minmax(52px,1fr));gap:8px}
.day,.slot{cursor:pointer;border:1px solid var(--sl);background:var(--bg);border-radius:var(--cr);transition:background-color .15s,border-color .15s,color .15s}
.day{padding:8px 2px;display:flex;flex-direction:column;align-items:center;line-height:1.25}
.day b{font-size:1.3em;font-weight:650}
.day small,.slot small{font-size:.8em;color:var(--mu)}
.times{display:grid;grid-template-columns:repeat(auto-fill,minmax(128px,1fr));gap:8px}
.slot{padding:10px 12px;display:flex;flex-direction:column;align-items:flex-start;text-align:start}
.slot b{font-weight:600}
[aria-checked=false]:hover:enabled{border-color:var(--a)}
[aria-checked=true]{background:var(--sel);border-color:var(--fg);color:var(--son)}
.slot[aria-checked=true] b::after{content:" \\2713"}
[aria-checked=true] small{color:inherit}
:disabled{cursor:not-allowed}
.day:disabled,.slot:disabled{background:var(--sf);border:1px dashed var(--sl);color:var(--mu)}
.slot:disabled b{text-decoration:line-through}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:44px;padding:10px 18px;border-radius:var(--cr);border:1px solid transparent;font-weight:600;cursor:pointer;text-decoration:none;transition:filter .15s}
.primary{background:var(--a);color:var(--on);width:100%;margin-top:20px}
.primary:hover:not(:disabled){filter:brightness(1.08)}
.primary:disabled{opacity:.7}
.ask{flex-basis:100%;margin:0}
.danger{background:var(--er);color:var(--bg)}
.ghost{background:none;color:var(--at);border-color:var(--bd)}
.link{background:none;border:0;padding:4px;color:var(--at);font-weight:600;cursor:pointer;text-decoration:underline;text-underline-offset:3px}
.row{display:flex;gap:10px;flex-wrap:wrap;margin-top:16px}
.row .btn{flex:1 1 160px}
.summary{display:flex;gap:12px;align-items:center;justify-content:space-between;background:var(--sf);border-radius:var(--cr);padding:12px 14px;margin:16px 0 4px;font-weight:600}
form{margin:0}
.field{margin-top:16px}
label{display:block;font-weight:600;font-size:.93em;margin-bottom:6px}
label span{font-weight:400;color:var(--mu)}
input:not([type=checkbox]),select,textarea{display:block;width:100%;min-height:44px;padding:10px 12px;border:1px solid var(--bd);border-radius:var(--cr);background:var(--bg)}
textarea{min-height:88px;resize:vertical}
input:focus-visible,select:focus-visible,textarea:focus-visible{outline-offset:0;border-color:var(--ring)}
.field [aria-invalid=true]{border-color:var(--er)}
.check{display:flex;gap:10px;align-items:flex-start;font-weight:400;margin:0}
.check input{width:20px;height:20px;margin:1px 0 0;flex:none;accent-color:var(--a)}
.err{color:var(--er);font-size:.87em;margin-top:6px}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
.notice{margin-top:16px;padding:12px 14px;border-radius:var(--cr);border:1px solid var(--er);background:var(--sf);display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.notice .btn{min-height:36px;padding:6px 14px}
.empty{margin-top:16px;padding:20px;text-align:center;background:var(--sf);border-radius:var(--cr);color:var(--mu)}
.done{text-align:center;margin-top:16px;padding-top:24px;border-top:1px solid var(--ln)}
.done h3{font-size:1.15em;text-transform:none;letter-spacing:0;color:var(--fg);margin:0}
.done .when{font-weight:600;margin:12px 0 4px}
.done .tz{justify-content:center;margin:4px 0 8px}
.more{margin-top:16px}
.acts{display:flex;justify-content:center;flex-wrap:wrap;gap:4px 24px;margin-top:8px}
.tick{width:52px;height:52px;border-radius:50%;background:var(--a);color:var(--on);display:inline-flex;align-items:center;justify-content:center;margin-bottom:12px}
.sk{height:44px;border-radius:var(--cr);background:var(--sf);margin-top:10px;animation:pulse 1.2s ease-in-out infinite}
.sk:first-child{width:60%;height:26px;margin-top:0}
.spin{width:16px;height:16px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:spin .7s linear infinite}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes pulse{50%{opacity:.5}}
.overlay{position:fixed;inset:0;z-index:2147483000;background:rgb(10 12 16/.6);display:flex;align-items:center;justify-content:center;padding:16px;overflow-y:auto;overscroll-behavior:contain;animation:fade .15s ease-out}
.dialog{position:relative;width:100%;max-width:560px;max-height:calc(100dvh - 32px);overflow-y:auto;border-radius:var(--r);box-shadow:0 24px 64px rgb(0 0 0/.35)}
.dialog .root{border:0}
.x{position:absolute;top:10px;right:10px;z-index:1;width:40px;height:40px;border-radius:50%;border:0;background:none;color:var(--mu);cursor:pointer;display:flex;align-items:center;justify-content:center}
.x:hover{background:var(--sf)}
.dialog h2{padding-right:36px}
.fab{font:600 15px/1.2 var(--font);background:var(--a);color:var(--on);position:fixed;right:calc(16px + env(safe-area-inset-right));bottom:calc(16px + env(safe-area-inset-bottom));max-width:calc(100vw - 32px);z-index:2147482999;min-height:48px;padding:12px 22px;border-radius:999px;box-shadow:0 8px 24px rgb(0 0 0/.25);}
@keyframes fade{from{opacity:0}}
@media (prefers-reduced-motion:reduce){*,::before,::after{animation:none!important;transition:none!important}}
`;
