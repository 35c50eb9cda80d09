/** @module `mountManage()`: the manage app in an element's open shadow root, styled and themed as the widget is. */
import { h, render } from "preact";
import type { SlotbookClient } from "../../sdk/client/public-client.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import type { ManageCatalogueLoader } from "../i18n/manage/import-manage-catalogue.js";
import type { CatalogueLoader } from "../i18n/messages.js";
import { adoptStyles } from "../styles/adopt-styles.js";
import { themeCss } from "../styles/theme-css.js";
import { ManageApp } from "./manage-app.js";
import { MANAGE_CSS } from "./manage-css.js";

/** What the page tells the app: the booking, its token, and where the API is. */
export interface ManageTarget {
  bookingId: string;
  token: string;
  api: string;
  timeZone: string;
}

/** How strings load and which client calls the API: URLs beside manage.js on the page, `import()` in tests. */
export interface ManageInternals {
  client: SlotbookClient;
  catalogues: CatalogueLoader;
  manageCatalogues: ManageCatalogueLoader;
}

/** Mount the manage page's app into `element`; returns its unmount. */
export function mountManage(element: HTMLElement, target: ManageTarget, internals: ManageInternals): () => void {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const theme = adoptStyles(shadow, themeCss({}));
  const own = new CSSStyleSheet();
  own.replaceSync(MANAGE_CSS);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, own];
  const controller = new AbortController();
  let mode = "auto";
  const onWidget = (widget: PublicWidget) => {
    theme.replaceSync(themeCss(widget.theme));
    mode = widget.theme.mode;
    // The page around the card follows the widget's mode too (manage-css.ts: MANAGE_PAGE_CSS).
    document.documentElement.className = mode;
    draw();
  };
  const draw = () =>
    render(
      <div class={`root ${mode}`} part="root">
        <ManageApp {...target} {...internals} onWidget={onWidget} signal={controller.signal} />
      </div>,
      shadow,
    );
  document.documentElement.className = mode;
  draw();
  return () => {
    controller.abort();
    render(null, shadow);
  };
}
