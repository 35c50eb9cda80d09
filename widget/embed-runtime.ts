/** @module What `/widget.js` does on load, as a function so tests can run it against a fresh page. */
import type { SlotbookEventName, SlotbookEvents } from "./events.js";
import { addFloatingButton } from "./floating-button.js";
import type { CatalogueLoader } from "./i18n/messages.js";
import { type MountedWidget, mountWidget } from "./mount.js";
import type { MountOptions } from "./options.js";
import type { Prefill } from "./page-context.js";
import { closePopup, openPopup } from "./popup.js";

/** The global `Slotbook(command, …args)` function. */
export type SlotbookCommand = ((command: string, ...args: unknown[]) => void) & {
  q?: IArguments[] | unknown[][];
  loaded?: true;
};

type Handler<N extends SlotbookEventName> = (detail: SlotbookEvents[N]) => void;

/** `data-prefill-name|email|phone` of an element. */
function prefillOf(element: HTMLElement): Prefill {
  const { prefillName: name, prefillEmail: email, prefillPhone: phone } = element.dataset;
  return { ...(name && { name }), ...(email && { email }), ...(phone && { phone }) };
}

/**
 * The API base: the script's `data-api`, else the origin of its own `src`, else this page's origin.
 * @example apiBaseOf(document.currentScript) // "https://book.example.com"
 */
export function apiBaseOf(script: HTMLScriptElement | null): string {
  return script?.dataset.api ?? (script?.src ? new URL(script.src).origin : location.origin);
}

/**
 * Catalogues as files next to the script (`widget-es.js` beside `widget.js`), by absolute URL: a cross-origin
 * classic script's own `import("./x.js")` resolves against about:blank in Chromium, not against the script.
 */
export function catalogueUrlLoader(script: HTMLScriptElement | null): CatalogueLoader {
  return (lang) => import(/* @vite-ignore */ catalogueUrl(script, lang)).then((m) => m[lang]);
}

/**
 * Where a catalogue file lives: beside the script.
 * @example catalogueUrl(script, "es") // "https://book.example.com/widget-es.js"
 */
export function catalogueUrl(script: HTMLScriptElement | null, lang: string): string {
  return new URL(`widget-${lang}.js`, script?.src || location.href).href;
}

/**
 * Start the embed: API base from the script's own `src` (or `data-api`), then scan, observe and serve the queue.
 * @example startEmbed(document.currentScript as HTMLScriptElement)
 */
export function startEmbed(script: HTMLScriptElement | null, catalogues = catalogueUrlLoader(script)): void {
  const existing = (window as { Slotbook?: SlotbookCommand }).Slotbook;
  if (existing?.loaded) return; // the script was included twice
  const api = apiBaseOf(script);
  const mounted = new Map<Element, MountedWidget>();
  const optionsOf = (element: HTMLElement, widget: string): MountOptions => ({
    widget,
    api,
    locale: element.dataset.locale,
    prefill: prefillOf(element),
  });

  const mountInline = (element: HTMLElement, options: MountOptions) => {
    mounted.get(element)?.unmount();
    try {
      mounted.set(element, mountWidget(element, options, { catalogues }));
    } catch (error) {
      console.error(error); // a typo in one widget id must not stop the others
    }
  };
  const scan = () => {
    for (const element of document.querySelectorAll<HTMLElement>("[data-slotbook]")) {
      if (!mounted.has(element)) mountInline(element, optionsOf(element, element.dataset.slotbook!));
    }
    // Widgets whose element left the page stop their requests and free their memory.
    for (const [element, widget] of mounted) {
      if (!element.isConnected) {
        widget.unmount();
        mounted.delete(element);
      }
    }
  };

  const commands: Record<string, (...args: never[]) => void> = {
    inline: (options: MountOptions & { target?: string | HTMLElement }) => {
      const target =
        typeof options.target === "string" ? document.querySelector<HTMLElement>(options.target) : options.target;
      if (!target) throw new TypeError("Slotbook('inline'): target must be an element or a selector that matches one");
      mountInline(target, { api, ...options });
    },
    open: (widget: string, options: Partial<MountOptions> = {}) =>
      openPopup({ api, ...options, widget }, document.activeElement as HTMLElement | null, catalogues),
    close: () => closePopup(),
    on: <N extends SlotbookEventName>(name: N, handler: Handler<N>) =>
      window.addEventListener(`slotbook:${name.replace(/^slotbook:/, "")}`, (event) =>
        handler((event as CustomEvent<SlotbookEvents[N]>).detail),
      ),
  };
  const Slotbook: SlotbookCommand = (command, ...args) => {
    const run = commands[command];
    if (!run) throw new TypeError(`Slotbook: unknown command ${JSON.stringify(command)}`);
    run(...(args as never[]));
  };
  Slotbook.loaded = true;
  (window as { Slotbook?: SlotbookCommand }).Slotbook = Slotbook;

  // Openers work through one delegated listener, so buttons added later need no scan.
  document.addEventListener("click", (event) => {
    const opener = (event.target as Element | null)?.closest?.<HTMLElement>("[data-slotbook-open]");
    if (!opener) return;
    event.preventDefault();
    openPopup(optionsOf(opener, opener.dataset.slotbookOpen!), opener, catalogues);
  });

  const start = () => {
    scan();
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
    const floating = script?.dataset.slotbookFloating;
    if (floating && script)
      addFloatingButton(optionsOf(script, floating), script.dataset.label || "Book now", catalogues);
    for (const args of existing?.q ?? []) {
      try {
        Slotbook(...(Array.from(args as ArrayLike<unknown>) as [string, ...unknown[]]));
      } catch (error) {
        console.error(error);
      }
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}
