/**
 * @module `mount()` of `slotbook/widget`: the widget inside an app, its languages loaded by the app's bundler, and
 * the SDK's own `createClient`, which checks every answer: an app may run another release than the server it calls.
 */
import { createClient } from "../sdk/client/public-client.js";
import { importCatalogue } from "./i18n/import-catalogue.js";
import { type MountedWidget, mountWidget } from "./mount.js";
import type { MountOptions } from "./options.js";

/**
 * Mount a booking widget into `element` (inside its open shadow root, so page CSS cannot leak in).
 * @example
 * import { mount } from "slotbook/widget";
 * const widget = mount(document.getElementById("booking")!, { widget: "wgt_demo", api: "https://book.example.com" });
 * widget.unmount();
 */
export function mount(element: HTMLElement, options: MountOptions): MountedWidget {
  return mountWidget(element, options, { catalogues: importCatalogue, client: (baseUrl) => createClient({ baseUrl }) });
}
