/** @module The popup: one modal widget at a time, opened by an element, the floating button or `Slotbook('open')`. */
import { emit } from "./events.js";
import { type MountedWidget, mount } from "./mount.js";
import type { MountOptions } from "./options.js";

let current: { close: () => void } | undefined;

/**
 * Open a widget as a modal dialog; closing it gives focus back to `opener`.
 * @example openPopup({ widget: "wgt_demo", api }, button)
 */
export function openPopup(options: MountOptions, opener: HTMLElement | null): void {
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
  const widget: MountedWidget = mount(host, options, { onClose: handle.close, events });
}

/** Close the open popup, if any. */
export function closePopup(): void {
  current?.close();
}
