/**
 * @module The script marketers paste (`/widget.js`): finds `data-slotbook*` elements, drains the `Slotbook.q`
 * call queue, and keeps watching the page for widgets added later (single-page apps).
 *
 * Queue stub, for calls made before the script has loaded (put it in a file on CSPs without 'unsafe-inline'):
 * ```html
 * <script>window.Slotbook=window.Slotbook||function(){(Slotbook.q=Slotbook.q||[]).push(arguments)}</script>
 * ```
 */
import { startEmbed } from "./embed-runtime.js";

// No `config({ jitless: true })` for zod: zod/mini's objects never compile a parser with `new Function` (only
// classic zod's do), so there is no probe to switch off; the size test fails if `new Function` reaches the bundle.
startEmbed(document.currentScript as HTMLScriptElement | null);
