/** @module `mount()`: renders a widget into an element's open shadow root, for apps and for the embed script. */
import { h, render } from "preact";
import { createHttp } from "../sdk/client/http.js";
import { defaultOptions } from "../sdk/client/options.js";
import type { SlotbookClient } from "../sdk/client/public-client.js";
import { publicRoutes } from "../sdk/client/public-routes.js";
import { fetchTransport } from "../sdk/client/transport.js";
import type { PublicWidget } from "../sdk/schemas/widget.js";
import { BookingApp } from "./components/booking-app.js";
import { Modal } from "./components/modal.js";
import type { CatalogueLoader } from "./i18n/messages.js";
import { type MountOptions, resolveOptions } from "./options.js";
import { adoptStyles } from "./styles/adopt-styles.js";
import { themeCss } from "./styles/theme-css.js";

/** What `mount()` returns. */
export interface MountedWidget {
  /** Removes the widget and aborts its requests. */
  unmount(): void;
}

/** What differs between the embed script and apps: how catalogues load, popups, and where events go. */
export interface MountInternals {
  /** Loads the Spanish and Hindi strings. */
  catalogues: CatalogueLoader;
  /** Render as a modal dialog; called when the visitor closes it. */
  onClose?: () => void;
  /** Element that receives the DOM events; default the host element. */
  events?: EventTarget;
  /** The API client for `api`; default: the embed script's own (see `embedClient`). */
  client?: (api: string) => SlotbookClient;
}

/**
 * The embed script's client: the SDK's public calls and HTTP layer (retries, timeouts, the Idempotency-Key, errors)
 * over the browser's fetch, answers not parsed again. widget.js comes from the server it calls, one release, so the
 * contract cannot drift between them; ky and the response schemas would cost it ~4 kB gzipped. What the visitor
 * sends is still checked with the contract's schema first (booking-request.ts). `resolveOptions` has checked `api`.
 */
function embedClient(api: string): SlotbookClient {
  const options = defaultOptions(api);
  return publicRoutes(createHttp(options, fetchTransport(options)));
}

/** Mount a booking widget into `element`'s open shadow root, so page CSS cannot leak in; `mount()` for apps wraps it. */
export function mountWidget(element: HTMLElement, options: MountOptions, internals: MountInternals): MountedWidget {
  const resolved = resolveOptions(options);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const theme = adoptStyles(shadow, themeCss(resolved.theme));
  const controller = new AbortController();
  const client = (internals.client ?? embedClient)(resolved.api);
  let mode = resolved.theme.mode ?? "auto";

  const draw = () => {
    const app = (
      <BookingApp
        options={resolved}
        client={client}
        events={internals.events ?? element}
        signal={controller.signal}
        onWidget={onWidget}
        onClose={internals.onClose}
        catalogues={internals.catalogues}
      />
    );
    const root = `root ${mode}`;
    render(
      internals.onClose ? (
        <Modal class={root} labelledBy="sb-title" onClose={internals.onClose}>
          {app}
        </Modal>
      ) : (
        <div class={root} part="root">
          {app}
        </div>
      ),
      shadow,
    );
  };
  // The configured theme arrives with the config; options given to mount() still win over it.
  const onWidget = (widget: PublicWidget) => {
    theme.replaceSync(themeCss({ ...widget.theme, ...resolved.theme }));
    const next = resolved.theme.mode ?? widget.theme.mode;
    if (next !== mode) {
      mode = next;
      draw();
    }
  };
  draw();
  return {
    unmount() {
      controller.abort();
      render(null, shadow);
    },
  };
}
