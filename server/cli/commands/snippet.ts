/** @module `slotbook snippet`: the HTML to paste for a widget, inline, as a popup button or as a floating button. */
import { widgetIdSchema } from "../../../sdk/index.js";
import { allSnippets, SNIPPET_MODES, type SnippetMode, snippet } from "../../../widget/embed-snippets.js";
import { getWidget } from "../../domain/widgets.js";
import { type Command, optional, required } from "../command.js";
import { UsageError, write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook snippet --widget ID [--mode inline|popup|floating]` */
export const snippetCommand: Command = {
  name: "snippet",
  summary: "Print the HTML to paste into a website",
  flags: { widget: { type: "string" }, mode: { type: "string" } },
  help: `Print the HTML that embeds a widget in any website. The script address comes
from PUBLIC_URL, so set it to where this server is reachable from the web.

Usage: slotbook snippet --widget ID [--mode inline|popup|floating]

Options:
  --widget ID   The widget to embed
  --mode MODE   inline:   the form inside the page, where the <div> is
                popup:    a button that opens the form in a dialog
                floating: a button fixed in the page corner
                Default: all three
  -h, --help    Show this help

Examples:
  slotbook snippet --widget wgt_demo
  PUBLIC_URL=https://book.example.com slotbook snippet --widget wgt_demo --mode popup
`,
  async run(flags, io) {
    const widgetId = validate(widgetIdSchema, required(flags, "widget"), { "": "--widget" });
    const mode = optional(flags, "mode");
    if (mode !== undefined && !SNIPPET_MODES.includes(mode as SnippetMode)) {
      throw new UsageError(`--mode must be inline, popup or floating, got "${mode}"`);
    }
    // Looked up so a mistyped id fails here rather than as an empty box on the marketer's site.
    const { title, publicUrl } = await withDeps(io, async (deps, config) => ({
      title: (await getWidget(deps, widgetId)).title,
      publicUrl: config.publicUrl,
    }));
    const input = { widgetId, publicUrl, buttonText: title };
    await write(io.stdout, mode ? snippet(mode as SnippetMode, input) : allSnippets(input));
    return 0;
  },
};
