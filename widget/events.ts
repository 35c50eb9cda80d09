/** @module Events for the host page: DOM `CustomEvent`s on window and the host element, and `window.dataLayer`. */
import type { Slot } from "../sdk/schemas/slot.js";

/** Event names and their `detail`; none carries personal data. */
export interface SlotbookEvents {
  ready: { widgetId: string };
  "slot-selected": { widgetId: string; slot: Slot };
  booked: { widgetId: string; bookingId: string; slot: { id: string; startsAt: string; endsAt: string } };
  error: { widgetId: string; code: string; status: number };
  close: { widgetId: string };
}

/** Name of an event without its `slotbook:` prefix. */
export type SlotbookEventName = keyof SlotbookEvents;

/**
 * Dispatch `slotbook:<name>` on the host element and on window, and push it to `window.dataLayer` if the page has one.
 * @example emit(host, "ready", { widgetId: "wgt_demo" })
 */
export function emit<N extends SlotbookEventName>(host: EventTarget, name: N, detail: SlotbookEvents[N]): void {
  const type = `slotbook:${name}`;
  // Not bubbling: a listener on window would otherwise hear the host's copy too.
  host.dispatchEvent(new CustomEvent(type, { detail }));
  window.dispatchEvent(new CustomEvent(type, { detail }));
  const layer = (window as { dataLayer?: unknown }).dataLayer;
  if (Array.isArray(layer)) layer.push({ event: type, ...detail });
}
