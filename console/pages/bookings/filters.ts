/**
 * @module The bookings page's filters, one shape three ways: read from the console URL (`?widget=&status=&from=…`),
 * written back to it, and turned into the admin API's query (the list and the CSV export take the same filters).
 */
import type { BookingExportQuery } from "../../../sdk/schemas/booking-admin.js";

/** What the marketer filtered by; dates are days in the browser's time zone (`YYYY-MM-DD`), `to` included. */
export interface BookingFilters {
  widgetId?: string;
  slotId?: string;
  status?: "confirmed" | "cancelled" | "erased";
  email?: string;
  from?: string;
  to?: string;
}

const STATUSES = ["confirmed", "cancelled", "erased"] as const;
const DAY = /^\d{4}-\d\d-\d\d$/;
/** Console URL parameter of each filter. */
const PARAMS = {
  widgetId: "widget",
  slotId: "slot",
  status: "status",
  email: "email",
  from: "from",
  to: "to",
} as const;

/** The filters in a console URL's query; anything malformed is left out. */
export function readFilters(query: URLSearchParams): BookingFilters {
  const filters: BookingFilters = {};
  const get = (key: keyof typeof PARAMS) => query.get(PARAMS[key])?.trim() || undefined;
  const widgetId = get("widgetId");
  if (widgetId) filters.widgetId = widgetId;
  const slotId = get("slotId");
  if (slotId && widgetId) filters.slotId = slotId;
  const status = get("status");
  if (status && (STATUSES as readonly string[]).includes(status)) filters.status = status as BookingFilters["status"];
  const email = get("email");
  if (email) filters.email = email;
  const from = get("from");
  if (from && DAY.test(from)) filters.from = from;
  const to = get("to");
  if (to && DAY.test(to)) filters.to = to;
  return filters;
}

/** The console URL query of `filters`, in a fixed order, empty ones left out: `widget=wgt_1&status=cancelled`. */
export function filtersSearch(filters: BookingFilters): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof typeof PARAMS)[]) {
    const value = filters[key];
    if (value) query.set(PARAMS[key], value);
  }
  return query.toString();
}

/** Local midnight of a `YYYY-MM-DD` day, `plusDays` later, as an ISO instant. */
export function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/**
 * The API's filters: `from` is the first day's local midnight, `to` the midnight after the last day (the API's `to`
 * is exclusive), so "1 to 7 December" means every booking made on those seven days where the marketer is.
 */
export function toApiQuery(filters: BookingFilters): BookingExportQuery {
  const query: BookingExportQuery = {};
  if (filters.widgetId) query.widgetId = filters.widgetId;
  if (filters.slotId) query.slotId = filters.slotId;
  if (filters.status) query.status = filters.status;
  if (filters.email) query.email = filters.email.toLowerCase();
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = startOfDay(filters.to, 1);
  return query;
}

/** The CSV export of exactly these filters, a same-origin link the session cookie signs. */
export function csvHref(filters: BookingFilters): string {
  const query = new URLSearchParams(toApiQuery(filters) as Record<string, string>).toString();
  return `/v1/admin/bookings/export.csv${query ? `?${query}` : ""}`;
}

/** What is wrong with the filters, by field: a `to` before `from`. */
export function filterErrors(filters: BookingFilters): { to?: string } {
  return filters.from && filters.to && filters.to < filters.from ? { to: "The last day is before the first" } : {};
}

/** Whether any filter is set (the empty state then says to clear them rather than to share the widget). */
export function hasFilters(filters: BookingFilters): boolean {
  return Object.values(filters).some(Boolean);
}
