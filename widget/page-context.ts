/** @module What the host page tells the widget: `?name=&email=` prefill, `utm_*`, the page URL and referrer. */
import type { BookingContext } from "../sdk/schemas/booking.js";

/** Values the form starts with. */
export interface Prefill {
  name?: string;
  email?: string;
  phone?: string;
}

const PERSONAL = ["name", "email", "phone"] as const;
const UTM = ["source", "medium", "campaign", "term", "content"] as const;
/** 2000: the contract's limit for `pageUrl` and `referrer`; a longer URL is cut rather than rejected. */
const MAX_URL = 2000;

/** Prefill from the page's query string (`?name=&email=&phone=`). */
export function prefillFromQuery(href: string): Prefill {
  const query = new URL(href).searchParams;
  const prefill: Prefill = {};
  for (const key of PERSONAL) {
    const value = query.get(key);
    if (value) prefill[key] = value;
  }
  return prefill;
}

/**
 * The booking's `context`: page URL (without the personal prefill parameters), referrer and `utm_*`.
 * @example bookingContext("https://a.test/?utm_source=ads", "") // { pageUrl: "https://a.test/?utm_source=ads", utm: { source: "ads" } }
 */
export function bookingContext(href: string, referrer: string): BookingContext {
  const url = new URL(href);
  const utm: NonNullable<BookingContext["utm"]> = {};
  for (const key of UTM) {
    const value = url.searchParams.get(`utm_${key}`);
    if (value) utm[key] = value.slice(0, 200);
  }
  for (const key of PERSONAL) url.searchParams.delete(key);
  const context: BookingContext = { pageUrl: url.href.slice(0, MAX_URL) };
  if (referrer) context.referrer = referrer.slice(0, MAX_URL);
  if (Object.keys(utm).length > 0) context.utm = utm;
  return context;
}
