/** @module The floating "Book" button in the page's corner that opens the widget as a popup. */
import { h, render } from "preact";
import type { CatalogueLoader } from "./i18n/messages.js";
import type { MountOptions } from "./options.js";
import { openPopup } from "./popup.js";
import { adoptStyles } from "./styles/adopt-styles.js";
import { themeCss } from "./styles/theme-css.js";

/**
 * Add the floating button to the page; returns a function that removes it.
 * @example const remove = addFloatingButton({ widget: "wgt_demo", api }, "Book a demo", catalogues);
 */
export function addFloatingButton(options: MountOptions, label: string, catalogues: CatalogueLoader): () => void {
  const host = document.createElement("div");
  host.setAttribute("data-slotbook-floating-host", options.widget);
  document.body.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  adoptStyles(shadow, themeCss(options.theme ?? {}));
  render(
    <button
      type="button"
      class="btn fab"
      part="floating-button"
      aria-haspopup="dialog"
      onClick={(event) => openPopup(options, event.currentTarget, catalogues)}
    >
      {label}
    </button>,
    shadow,
  );
  return () => {
    render(null, shadow);
    host.remove();
  };
}
