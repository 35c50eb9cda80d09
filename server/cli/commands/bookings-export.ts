/** @module `slotbook bookings export`: a widget's bookings as CSV on stdout, decrypted, streamed page by page. */
import { widgetIdSchema } from "../../../sdk/index.js";
import { exportBookingsCsv } from "../../domain/booking-admin.js";
import { getWidget } from "../../domain/widgets.js";
import { type Command, required } from "../command.js";
import { write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook bookings export --widget ID` */
export const bookingsExport: Command = {
  name: "bookings export",
  summary: "Write a widget's bookings as CSV to stdout",
  flags: { widget: { type: "string" } },
  help: `Write every booking of a widget as CSV (one row a booking, with the decrypted
name, email, phone, answers and UTM data) to stdout. Cells that a spreadsheet
would run as a formula are escaped.

Usage: slotbook bookings export --widget ID

Options:
  --widget ID   The widget whose bookings to export
  -h, --help    Show this help

Examples:
  slotbook bookings export --widget wgt_demo > bookings.csv
  slotbook bookings export --widget wgt_demo | grep confirmed
`,
  async run(flags, io) {
    const widgetId = validate(widgetIdSchema, required(flags, "widget"), { "": "--widget" });
    await withDeps(
      io,
      async (deps) => {
        await getWidget(deps, widgetId);
        for await (const line of exportBookingsCsv(deps, { widgetId })) await write(io.stdout, line);
      },
      { warnDevKey: true },
    );
    return 0;
  },
};
