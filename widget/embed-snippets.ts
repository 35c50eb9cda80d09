/**
 * @module The HTML a marketer pastes, exactly as the spec's "Embedding" section shows it, for one widget: one text
 * for `slotbook snippet` and the console's copy button. Beside embed.ts, which reads these attributes; widget.js
 * never imports it.
 */

/** The three ways to embed a widget. */
export const SNIPPET_MODES = ["inline", "popup", "floating"] as const;
export type SnippetMode = (typeof SNIPPET_MODES)[number];

/** What a snippet is built from. */
export interface SnippetInput {
  widgetId: string;
  /** `PUBLIC_URL`, without a trailing slash. */
  publicUrl: string;
  /** Text of the popup button; the widget's title reads well there. */
  buttonText?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * One embed snippet. `popup` alone also carries the script tag, which the button needs on the page.
 * @example snippet("inline", { widgetId: "wgt_123", publicUrl: "https://book.example.com" })
 */
export function snippet(mode: SnippetMode, input: SnippetInput, withScript = true): string {
  const id = escapeHtml(input.widgetId);
  const src = escapeHtml(`${input.publicUrl}/widget.js`);
  const script = `<script async src="${src}"></script>`;
  switch (mode) {
    case "inline":
      return `<!-- inline -->\n<div data-slotbook="${id}"></div>\n${script}\n`;
    case "popup": {
      const button = `<button data-slotbook-open="${id}">${escapeHtml(input.buttonText ?? "Book a free demo class")}</button>`;
      return `<!-- popup, opened by any element -->\n${button}\n${withScript ? `${script}\n` : ""}`;
    }
    case "floating":
      return `<!-- floating button -->\n<script async src="${src}"\n        data-slotbook-floating="${id}" data-label="Book a demo"></script>\n`;
  }
}

/** All three snippets, as the spec lists them: inline, popup (using the inline one's script), floating. */
export function allSnippets(input: SnippetInput): string {
  return [snippet("inline", input), snippet("popup", input, false), snippet("floating", input)].join("\n");
}
