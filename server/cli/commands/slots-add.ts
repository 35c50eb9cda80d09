/** @module `slotbook slots add`: one slot, or a daily/weekly series at the same local time, for a widget. */
import { slotCreateSchema, widgetIdSchema } from "../../../sdk/index.js";
import { instantInputSchema } from "../../../sdk/schemas/common.js";
import { addLocalDays } from "../../../sdk/time/local-days.js";
import { createSlots } from "../../domain/slots.js";
import { getWidget } from "../../domain/widgets.js";
import { type Command, optional, required, wholeNumber } from "../command.js";
import { UsageError, write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

// 1440 minutes: a class longer than a day is a typo, not a class.
const MAX_DURATION_MIN = 1440;
const REPEAT_DAYS = { daily: 1, weekly: 7 } as const;

/** `slotbook slots add --widget ID --start ISO --duration MIN --capacity N [--label L] [--repeat daily|weekly --count N]` */
export const slotsAdd: Command = {
  name: "slots add",
  summary: "Add a time slot, or a daily or weekly series of them",
  flags: {
    widget: { type: "string" },
    start: { type: "string" },
    duration: { type: "string" },
    capacity: { type: "string" },
    label: { type: "string" },
    repeat: { type: "string" },
    count: { type: "string" },
  },
  help: `Add bookable time slots to a widget.

Usage: slotbook slots add --widget ID --start TIME --duration MINUTES --capacity SEATS
                          [--label TEXT] [--repeat daily|weekly --count N]

Options:
  --widget ID        The widget (see "slotbook widget create")
  --start TIME       Start (in the future), ISO 8601 with a zone: 2030-06-01T14:00:00Z or 2030-06-01T15:00:00+02:00
  --duration MIN     Length in minutes (1-${MAX_DURATION_MIN})
  --capacity SEATS   Seats in the slot (1-10000)
  --label TEXT       Optional short text shown with the slot, e.g. "Beginners"
  --repeat daily|weekly
                     Make a series; each slot starts at the same wall-clock time in the
                     widget's time zone, also across daylight-saving changes
  --count N          How many slots the series has, the first included (1-500)
  -h, --help         Show this help

Examples:
  slotbook slots add --widget wgt_demo --start 2030-06-01T14:00:00Z --duration 45 --capacity 8
  slotbook slots add --widget wgt_demo --start 2030-06-01T18:00:00+02:00 --duration 60 --capacity 12 \\
    --label Evening --repeat weekly --count 10
`,
  async run(flags, io) {
    const widgetId = validate(widgetIdSchema, required(flags, "widget"), { "": "--widget" });
    const first = required(flags, "start");
    const duration = wholeNumber(required(flags, "duration"), "duration", 1, MAX_DURATION_MIN);
    const capacityRaw = required(flags, "capacity");
    const capacity = /^\s*\d+\s*$/.test(capacityRaw) ? Number(capacityRaw) : Number.NaN;
    if (Number.isNaN(capacity)) throw new UsageError(`--capacity must be a whole number, got "${capacityRaw}"`);
    const repeat = optional(flags, "repeat");
    const countRaw = optional(flags, "count");
    if (repeat !== undefined && repeat !== "daily" && repeat !== "weekly") {
      throw new UsageError(`--repeat must be daily or weekly, got "${repeat}"`);
    }
    if (repeat && countRaw === undefined)
      throw new UsageError("--repeat needs --count N (how many slots in the series)");
    if (!repeat && countRaw !== undefined) throw new UsageError("--count needs --repeat daily or weekly");
    const count = countRaw === undefined ? 1 : wholeNumber(countRaw, "count", 1, 500);
    const label = optional(flags, "label");
    const startIso = validate(instantInputSchema, first, { "": "--start" });
    // Nobody can book a slot that has begun: one in the past is a typo (year, zone), never what was meant.
    if (Date.parse(startIso) <= Date.now()) throw new UsageError("--start is in the past");
    const slotAt = (startsAt: string) => ({
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + duration * 60_000).toISOString(),
      capacity,
      ...(label !== undefined ? { label } : {}),
    });
    const flagOf = {
      startsAt: "--start",
      endsAt: "--duration",
      capacity: "--capacity",
      label: "--label",
      slots: "--count",
    };
    // The first slot is checked before the database is opened, so a typo never needs a connection.
    validate(slotCreateSchema, { slots: [slotAt(startIso)] }, flagOf);

    const created = await withDeps(io, async (deps) => {
      const widget = await getWidget(deps, widgetId);
      const inputs = Array.from({ length: count }, (_, i) =>
        slotAt(repeat ? addLocalDays(startIso, i * REPEAT_DAYS[repeat], widget.timezone) : startIso),
      );
      const parsed = validate(slotCreateSchema, { slots: inputs }, flagOf);
      return { slots: await createSlots(deps, widgetId, parsed.slots), timezone: widget.timezone };
    });
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: created.timezone,
      dateStyle: "medium",
      timeStyle: "short",
    });
    const lines = created.slots.map(
      (slot) =>
        `${slot.id}  ${slot.startsAt}  (${local.format(new Date(slot.startsAt))} ${created.timezone})  ${slot.capacity} seats`,
    );
    await write(
      io.stdout,
      `Added ${lines.length} slot${lines.length === 1 ? "" : "s"} to ${widgetId}:\n${lines.join("\n")}\n`,
    );
    return 0;
  },
};
