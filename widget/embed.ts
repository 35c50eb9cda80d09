/**
 * @module The script marketers paste (`/widget.js`): finds `data-slotbook*` elements, drains the `Slotbook.q`
 * call queue, and keeps watching the page for widgets added later (single-page apps).
 *
 * Queue stub, for calls made before the script has loaded (put it in a file on CSPs without 'unsafe-inline'):
 * ```html
 * <script>window.Slotbook=window.Slotbook||function(){(Slotbook.q=Slotbook.q||[]).push(arguments)}</script>
 * ```
 */
import { config } from "zod/mini";
import { startEmbed } from "./embed-runtime.js";

// zod probes `new Function` for a faster object parser; on a strict CSP that probe is reported as a violation.
config({ jitless: true });
startEmbed(document.currentScript as HTMLScriptElement | null);
