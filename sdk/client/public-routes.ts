/** @module The public routes as client calls, over any HTTP layer, with or without checking the answers. */
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency-key.js";
import { bearer, segment } from "./path.js";
import type { PUBLIC_CONTRACT, SlotbookClient } from "./public-client.js";

/** A window bound as the API takes it. */
export const toIso = (value: string | Date | undefined) => (value instanceof Date ? value.toISOString() : value);

/**
 * The public client's calls over `http`; answers are parsed with `contract` when given (`createClient` always gives
 * it), and trusted as they come without it.
 *
 * @example publicRoutes(createHttp(options, kyTransport(options), problemSchema), PUBLIC_CONTRACT)
 */
export function publicRoutes(http: Http, contract?: typeof PUBLIC_CONTRACT): SlotbookClient {
  return {
    widgets: {
      get: async (widgetId, { signal } = {}) =>
        http.request(contract?.widget, "GET", `widgets/${segment(widgetId)}`, { signal }),
      start: async (widgetId, { signal } = {}) =>
        http.request(contract?.start, "GET", `widgets/${segment(widgetId)}/slots`, {
          searchParams: { include: "widget" },
          signal,
        }),
      track: (widgetId, event) => {
        const path = `widgets/${segment(widgetId)}/events`;
        // A string beacon goes as text/plain, which needs no CORS preflight; the server takes that for this route.
        if (!globalThis.navigator?.sendBeacon?.(http.url(path, {}), JSON.stringify(event))) {
          http.send("POST", path, { json: event }).catch(() => {});
        }
      },
    },
    slots: {
      list: async (widgetId, { from, to, signal } = {}) => {
        const searchParams = { from: toIso(from), to: toIso(to) };
        const path = `widgets/${segment(widgetId)}/slots`;
        return (await http.request(contract?.slotList, "GET", path, { searchParams, signal })).slots;
      },
    },
    bookings: {
      create: async (widgetId, request, { idempotencyKey = newIdempotencyKey(), signal } = {}) => {
        // 255: the longest key the server stores.
        if (typeof idempotencyKey !== "string" || idempotencyKey.length === 0 || idempotencyKey.length > 255) {
          throw new TypeError("Slotbook: idempotencyKey must be a string of 1 to 255 characters");
        }
        // One key for the whole call: the HTTP layer sends these same headers on every retry.
        const headers = { "idempotency-key": idempotencyKey };
        const path = `widgets/${segment(widgetId)}/bookings`;
        return http.request(contract?.bookingCreated, "POST", path, { json: request, headers, signal });
      },
      get: async (bookingId, { token, signal }) =>
        http.request(contract?.booking, "GET", `bookings/${segment(bookingId)}`, { headers: bearer(token), signal }),
      cancel: async (bookingId, { token, signal }) =>
        http.request(contract?.booking, "POST", `bookings/${segment(bookingId)}/cancel`, {
          headers: bearer(token),
          signal,
        }),
      reschedule: async (bookingId, { slotId }, { token, signal }) =>
        http.request(contract?.booking, "POST", `bookings/${segment(bookingId)}/reschedule`, {
          json: { slotId },
          headers: bearer(token),
          signal,
        }),
      inviteUrl: (bookingId, { token }) => {
        bearer(token); // same check as the other calls
        return http.url(`bookings/${segment(bookingId)}/invite.ics`, { token });
      },
    },
  };
}
