/**
 * @module The API the live preview's widget talks to: the draft's config and the slots the console already has,
 * answered from memory; a booking is refused (nothing is sent) and funnel steps are not counted.
 */
import type { SlotbookClient } from "../../../sdk/client/public-client.js";
import { SlotbookError } from "../../../sdk/errors/slotbook-error.js";
import type { Slot } from "../../../sdk/schemas/slot.js";
import type { PublicWidget } from "../../../sdk/schemas/widget.js";

/** What the preview shows, and what to do when its visitor presses "Book". */
export interface PreviewSource {
  config: PublicWidget;
  slots: Slot[];
  /** Called when the preview's form is submitted, so the console can say that nothing was booked. */
  onBook: () => void;
}

/** A preview client: the public client's calls, and what it answers from. */
export type PreviewClient = SlotbookClient & { source: PreviewSource };

/** The refusal every booking call of the preview rejects with. */
export const PREVIEW_REFUSAL = "This is a preview: nothing is booked here. Visitors book on your site.";

function refuse(method: string, path: string): never {
  throw new SlotbookError({
    status: 403,
    code: "forbidden",
    title: "Preview",
    detail: PREVIEW_REFUSAL,
    method,
    url: path,
  });
}

/**
 * A `SlotbookClient` over `source`. A new one per draft: the preview sees a new client and shows its config.
 * @example previewClient({ config: previewConfig(draft), slots, onBook: () => setBooked(true) })
 */
export function previewClient(source: PreviewSource): PreviewClient {
  const client = {
    source,
    widgets: {
      get: async () => source.config,
      // What `widgets.start` answers (config and first slots in one), for the widget releases that ask for it.
      start: async () => ({ widget: source.config, slots: source.slots }),
      track: () => {},
    },
    slots: { list: async () => source.slots },
    bookings: {
      create: async () => {
        source.onBook();
        return refuse("POST", "preview/bookings");
      },
      get: async () => refuse("GET", "preview/bookings"),
      cancel: async () => refuse("POST", "preview/bookings/cancel"),
      reschedule: async () => refuse("POST", "preview/bookings/reschedule"),
      inviteUrl: () => "#preview",
    },
  };
  return client;
}
