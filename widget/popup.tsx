/** @module The popup: one modal widget at a time, opened by an element, the floating button or `Slotbook('open')`. */
import { emit } from "./events.js";
import type { CatalogueLoader } from "./i18n/messages.js";
import { type MountedWidget, mountWidget } from "./mount.js";
import type { MountOptions } from "./options.js";

let current: { close: () => void } | undefined;

/**
 * Open a widget as a modal dialog; closing it gives focus back to `opener`.
 * @example openPopup({ widget: "wgt_demo", api }, button, catalogues)
 */
export function openPopup(options: MountOptions, opener: HTMLElement | null, catalogues: CatalogueLoader): void {
  closePopup();
  const host = document.createElement("div");
  host.setAttribute("data-slotbook-popup", options.widget);
  document.body.append(host);
  const events = opener ?? host;
  const handle = {
    close() {
      if (current !== handle) return;
      current = undefined;
      widget.unmount();
      host.remove();
      emit(events, "close", { widgetId: options.widget });
      opener?.focus();
    },
  };
  current = handle;
  const widget: MountedWidget = mountWidget(host, options, { onClose: handle.close, events, catalogues });
}

/** Close the open popup, if any. */
export function closePopup(): void {
  current?.close();
}
