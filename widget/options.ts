/** @module Options of `mount()`: what a caller may pass, checked and defaulted in this one place. */
import type { Theme } from "../sdk/schemas/widget-admin.js";
import { visitorTimeZone } from "./format-slot-time.js";
import { type Prefill, prefillFromQuery } from "./page-context.js";

/** Options of `mount()` and of `Slotbook('inline' | 'open', …)`. */
export interface MountOptions {
  /** The widget's id, e.g. `wgt_demo`. */
  widget: string;
  /** Base URL of the Slotbook server; default: this page's origin. */
  api?: string;
  /** Language tag (`en`, `es`, `hi`, `es-MX` …); default: the widget's configured locale. */
  locale?: string;
  /** Starting values of the form; the page's `?name=&email=&phone=` fills what is not given. */
  prefill?: Prefill;
  /** Overrides of the configured theme. */
  theme?: Partial<Theme>;
  /** IANA zone to show times in; default: the visitor's. */
  timeZone?: string;
  /** Called with `redirectUrl` after a booking; default: `location.assign`. */
  navigate?: (url: string) => void;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  widgetId: string;
  api: string;
  locale: string | undefined;
  prefill: Prefill;
  theme: Partial<Theme>;
  timeZone: string;
  navigate: (url: string) => void;
}

/** Check options and fill defaults; a bad option throws a `TypeError` at once rather than failing later. */
export function resolveOptions(options: MountOptions): ResolvedOptions {
  if (!options || typeof options.widget !== "string" || !/^wgt_[\w-]{1,64}$/.test(options.widget)) {
    throw new TypeError(`Slotbook: widget must be a widget id like "wgt_demo", got ${JSON.stringify(options?.widget)}`);
  }
  const api = options.api ?? location.origin;
  // The base every path is joined to: a query or fragment would end up in the middle of each request's URL.
  if (!/^https?:\/\/[^?#]+$/.test(api))
    throw new TypeError(`Slotbook: api must be an http(s) URL without query or fragment, got ${JSON.stringify(api)}`);
  const fromQuery = prefillFromQuery(location.href);
  return {
    widgetId: options.widget,
    api: api.replace(/\/+$/, ""),
    locale: options.locale || undefined,
    prefill: { ...fromQuery, ...definedOnly(options.prefill) },
    theme: options.theme ?? {},
    timeZone: options.timeZone ?? visitorTimeZone(),
    navigate: options.navigate ?? ((url) => location.assign(url)),
  };
}

function definedOnly(prefill: Prefill | undefined): Prefill {
  return Object.fromEntries(Object.entries(prefill ?? {}).filter(([, value]) => typeof value === "string" && value));
}
