/**
 * @module The live preview: the real widget (its BookingApp, stylesheet and catalogues, the same Preact) in a shadow
 * root beside the editor, fed by a preview client. Each new client (one per draft) shows its config where the
 * visitor is, on the same step with what they typed: a remount would send them back to the first step at every
 * keystroke. A console-side twin of widget/mount.tsx's inline mount, because the embed script must not grow for it.
 */
import { h, render } from "preact";
import { BookingApp, type BookingAppProps } from "../../../widget/components/booking-app.js";
import { slotsLoaded } from "../../../widget/flow/booking-flow.js";
import { importCatalogue } from "../../../widget/i18n/import-catalogue.js";
import { resolveLocale } from "../../../widget/i18n/messages.js";
import { resolveOptions } from "../../../widget/options.js";
import { adoptStyles } from "../../../widget/styles/adopt-styles.js";
import { themeCss } from "../../../widget/styles/theme-css.js";
import type { PreviewClient } from "./preview-client.js";

/** The widget, taking each new preview client's config and slots without leaving the visitor's step. */
class PreviewApp extends BookingApp {
  override componentDidUpdate(previous: BookingAppProps, previousState: BookingApp["state"]) {
    super.componentDidUpdate(previous, previousState);
    if (previous.client === this.props.client) return;
    const { config, slots } = (this.props.client as PreviewClient).source;
    const before = (previous.client as PreviewClient).source;
    const { flow } = this.state;
    // Not loaded yet, or another language: load again (the catalogue changes with the language).
    if (!("widget" in flow) || resolveLocale(config.locale).locale !== flow.locale) {
      this.load();
      return;
    }
    this.props.onWidget(config);
    this.go((current) => ("widget" in current ? { ...current, widget: config } : current));
    if (slots !== before.slots) this.go(slotsLoaded, slots, this.props.options.timeZone);
  }
}

/** What `mountPreview` returns. */
export interface MountedPreview {
  /** Shows a new draft (a new client). */
  update(client: PreviewClient): void;
  /** Back to the first step, as a visitor arriving. */
  restart(): void;
  unmount(): void;
}

/**
 * Mounts the preview into `element`'s open shadow root.
 * @example const preview = mountPreview(host, previewClient({ config, slots, onBook })); preview.update(next);
 */
export function mountPreview(element: HTMLElement, first: PreviewClient): MountedPreview {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const theme = adoptStyles(shadow, themeCss(first.source.config.theme));
  let controller = new AbortController();
  let client = first;
  let mode = first.source.config.theme.mode;
  let round = 0;
  const options = resolveOptions({ widget: first.source.config.id, navigate: () => {} });

  const onWidget: BookingAppProps["onWidget"] = (widget) => {
    theme.replaceSync(themeCss(widget.theme));
    if (widget.theme.mode !== mode) {
      mode = widget.theme.mode;
      draw();
    }
  };
  const draw = () =>
    render(
      <div class={`root ${mode}`} part="root">
        <PreviewApp
          key={round}
          options={options}
          client={client}
          events={element}
          signal={controller.signal}
          onWidget={onWidget}
          catalogues={importCatalogue}
        />
      </div>,
      shadow,
    );
  draw();
  return {
    update(next) {
      client = next;
      draw();
    },
    restart() {
      controller.abort();
      controller = new AbortController();
      round += 1;
      draw();
    },
    unmount() {
      controller.abort();
      render(null, shadow);
    },
  };
}
