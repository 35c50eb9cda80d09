/** @module Test helper: where keyboard focus really is, through open shadow roots (document.activeElement stops at the host). */
import type { BrowserPage } from "./browser-page.js";

/** The focused element, described the way a keyboard user meets it. */
export interface Focused {
  /** The `data-slotbook*` attribute of the outermost shadow host around it (`data-slotbook-popup`, …), or "" on the page. */
  host: string;
  tag: string;
  role: string | null;
  /** Accessible-ish name: `aria-label`, else the text. */
  name: string;
  id: string;
  checked: string | null;
}

/** Describe the element that has focus, looking inside shadow roots. */
export function focused(page: BrowserPage): Promise<Focused> {
  return page.evaluate(() => {
    let element = document.activeElement;
    const outer = element;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const host =
      outer && outer !== element ? (outer.getAttributeNames().find((n) => n.startsWith("data-slotbook")) ?? "") : "";
    return {
      host,
      tag: element?.tagName.toLowerCase() ?? "",
      role: element?.getAttribute("role") ?? null,
      name: (element?.getAttribute("aria-label") ?? element?.textContent ?? "").trim(),
      id: element?.id ?? "",
      checked: element?.getAttribute("aria-checked") ?? null,
    };
  });
}
