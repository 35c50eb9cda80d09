/** @module `slotbook widget create`: a new widget from flags; prints its id and the inline snippet. */
import { widgetCreateSchema } from "../../../sdk/index.js";
import { createWidget } from "../../domain/widgets.js";
import { type Command, optional, required } from "../command.js";
import { write } from "../io.js";
import { snippet } from "../snippets.js";
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
  --timezone ZONE   IANA time zone the slots are shown in, e.g. Europe/Berlin. Default: UTC
  --locale TAG      Language of the widget, e.g. en or pt-BR. Default: en
  -h, --help        Show this help

Examples:
  slotbook widget create --title "Free trial lesson"
  slotbook widget create --title "Demo class" --origin https://example.com --origin https://www.example.com \\
    --timezone Europe/Berlin --locale de
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
    await write(
      io.stdout,
      `Created widget ${widget.id} ("${widget.title}")\n\nPaste this where the booking form should appear:\n\n${snippet("inline", { widgetId: widget.id, publicUrl: widget.publicUrl })}\nOther ways to embed it: slotbook snippet --widget ${widget.id}\nAdd time slots:         slotbook slots add --widget ${widget.id} --start 2026-12-01T14:00:00Z --duration 45 --capacity 8\n`,
    );
    return 0;
  },
};
