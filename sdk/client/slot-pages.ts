/** @module The SDK's `slots.list`: every slot of the window, following `nextFrom` page after page. */
import { type Slot, slotListSchema } from "../schemas/slot.js";
import type { Http } from "./http.js";
import { segment } from "./path.js";
import type { SlotListOptions } from "./public-client.js";
import { toIso } from "./public-routes.js";

/** 30 days: the server's default window; fixed here for the pages after the first, which must share one `to`. */
const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/**
 * Every slot in the window, sorted: the server answers at most 500 at a time with `nextFrom`, sent back as `from`
 * with the same `to` until no `nextFrom` comes. The widget does not bundle this; it shows the first page.
 */
export async function listAllSlots(
  http: Http,
  widgetId: string,
  { from, to, signal }: SlotListOptions = {},
): Promise<Slot[]> {
  const path = `widgets/${segment(widgetId)}/slots`;
  const page = (searchParams: { from?: string | undefined; to?: string | undefined }) =>
    http.request(slotListSchema, "GET", path, { searchParams, signal });
  let answer = await page({ from: toIso(from), to: toIso(to) });
  const slots = answer.slots;
  // Without a `to` the server's default window would start again at each page's `from`, so the pages name the
  // first page's end (from this clock: the server's may differ by the skew between the two).
  const start = Math.max(from === undefined ? 0 : Date.parse(toIso(from)!), Date.now());
  const end = toIso(to) ?? new Date(start + DEFAULT_WINDOW_MS).toISOString();
  let last = toIso(from) ?? "";
  // `nextFrom` always moves forward; a server that answered otherwise would loop here for ever.
  while (answer.nextFrom !== undefined && answer.nextFrom > last) {
    last = answer.nextFrom;
    answer = await page({ from: last, to: end });
    slots.push(...answer.slots);
  }
  return slots;
}
