/** @module Constructable stylesheets: no `<style>` element and no `style=""`, so strict `style-src` CSPs allow them. */
import { WIDGET_CSS } from "./widget-css.js";

let shared: CSSStyleSheet | undefined;

/** Give a shadow root the widget's shared stylesheet and its own theme sheet; returns the theme sheet to update. */
export function adoptStyles(root: ShadowRoot, themeText: string): CSSStyleSheet {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(WIDGET_CSS);
  }
  const theme = new CSSStyleSheet();
  theme.replaceSync(themeText);
  root.adoptedStyleSheets = [shared, theme];
  return theme;
}
