/** @module `slotbook widget create`: a new widget from flags; prints its id and the inline snippet. */
import { widgetCreateSchema } from "../../../sdk/index.js";
import { snippet } from "../../../widget/embed-snippets.js";
import { createWidget } from "../../domain/widgets.js";
import { type Command, optional, required } from "../command.js";
import { write } from "../io.js";
import { runHint } from "../run-hint.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook widget create --title T [--origin URL]… [--timezone Z] [--locale L]` */
export const widgetCreate: Command = {
  name: "widget create",
  summary: "Create a widget and print its id and embed snippet",
  flags: {
    title: { type: "string" },
    origin: { type: "string", multiple: true },
    timezone: { type: "string" },
    locale: { type: "string" },
  },
  help: `Create a booking widget and print its id and the snippet to paste into your site.

Usage: slotbook widget create --title TITLE [--origin URL]... [--timezone ZONE] [--locale TAG]

Options:
  --title TITLE     What visitors see above the form (required)
  --origin URL      A site allowed to embed the widget, e.g. https://example.com;
                    repeat for several. Default: any site (*)
  --timezone ZONE   The class's home time zone (IANA), e.g. Europe/Berlin: repeating slots keep
                    their local time in it and the manage page shows times in it. Visitors
                    pick slots in their own zone. Default: UTC
  --locale TAG      Language of the widget: en, es or hi, optionally with a region (es-MX);
                    others fall back to English. Default: en
  -h, --help        Show this help

Examples:
  slotbook widget create --title "Free trial lesson"
  slotbook widget create --title "Demo class" --origin https://example.com --origin https://www.example.com \\
    --timezone Europe/Madrid --locale es
`,
  async run(flags, io) {
    const input = {
      title: required(flags, "title"),
      ...(flags.origin ? { allowedOrigins: flags.origin } : {}),
      ...(optional(flags, "timezone") ? { timezone: optional(flags, "timezone") } : {}),
      ...(optional(flags, "locale") ? { locale: optional(flags, "locale") } : {}),
    };
    const parsed = validate(widgetCreateSchema, input, {
      title: "--title",
      allowedOrigins: "--origin",
      timezone: "--timezone",
      locale: "--locale",
    });
    const widget = await withDeps(io, async (deps, config) => {
      const created = await createWidget(deps, parsed);
      return { ...created, publicUrl: config.publicUrl };
    });
    const run = runHint();
    await write(
      io.stdout,
      `Created widget ${widget.id} ("${widget.title}")\n\nPaste this where the booking form should appear:\n\n${snippet("inline", { widgetId: widget.id, publicUrl: widget.publicUrl })}\nOther ways to embed it: ${run} snippet --widget ${widget.id}\nAdd time slots:         ${run} slots add --widget ${widget.id} --start ${nextWeek()} --duration 45 --capacity 8\n`,
    );
    return 0;
  },
};

/** 14:00 UTC a week from now, for the example in the "next step" line: a start `slots add` accepts (not past). */
function nextWeek(): string {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T14:00:00Z`;
}
